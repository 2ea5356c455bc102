package dk.fristed.referrals.referral;

import dk.fristed.encryption.EncryptedTable;
import dk.fristed.helpnumber.HelpNumber;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/**
 * A referral as stored in ReferralsTable; the one place that names its attributes. Four indexes: a
 * patient's referrals and a site's by date ({@code referralKey} = date#id), a site's in one state by the
 * day they entered it ({@code siteState}, {@code stateKey} = day#id: what the follow-up reads), and the
 * sparse one of those flagged for follow-up ({@code followUp} = site, set only while flagged).
 */
public final class ReferralItem {
    public static final String BY_PATIENT = "ByPatient";
    public static final String BY_SITE = "BySite";
    public static final String BY_STATE = "ByState";
    public static final String BY_FOLLOW_UP = "ByFollowUp";

    public static final StaticTableSchema<ReferralItem> SCHEMA = StaticTableSchema.builder(ReferralItem.class)
            .newItemSupplier(ReferralItem::new)
            .addAttribute(String.class, a -> a.name("referralId").getter(ReferralItem::getReferralId).setter(ReferralItem::setReferralId).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("helpNumber").getter(ReferralItem::getHelpNumber).setter(ReferralItem::setHelpNumber).tags(secondaryPartitionKey(BY_PATIENT)))
            .addAttribute(String.class, a -> a.name("referralKey").getter(ReferralItem::getReferralKey).setter(ReferralItem::setReferralKey).tags(secondarySortKey(BY_PATIENT), secondarySortKey(BY_SITE)))
            .addAttribute(String.class, a -> a.name("site").getter(ReferralItem::getSite).setter(ReferralItem::setSite).tags(secondaryPartitionKey(BY_SITE)))
            .addAttribute(String.class, a -> a.name("siteState").getter(ReferralItem::getSiteState).setter(ReferralItem::setSiteState).tags(secondaryPartitionKey(BY_STATE)))
            .addAttribute(String.class, a -> a.name("stateKey").getter(ReferralItem::getStateKey).setter(ReferralItem::setStateKey).tags(secondarySortKey(BY_STATE), secondarySortKey(BY_FOLLOW_UP)))
            .addAttribute(String.class, a -> a.name("followUp").getter(ReferralItem::getFollowUp).setter(ReferralItem::setFollowUp).tags(secondaryPartitionKey(BY_FOLLOW_UP)))
            .addAttribute(String.class, a -> a.name("state").getter(ReferralItem::getState).setter(ReferralItem::setState))
            .addAttribute(Long.class, a -> a.name("version").getter(ReferralItem::getVersion).setter(ReferralItem::setVersion))
            .addAttribute(String.class, a -> a.name("erasedAt").getter(ReferralItem::getErasedAt).setter(ReferralItem::setErasedAt))
            .addAttribute(String.class, a -> a.name("visitId").getter(ReferralItem::getVisitId).setter(ReferralItem::setVisitId))
            .addAttribute(String.class, a -> a.name("kind").getter(ReferralItem::getKind).setter(ReferralItem::setKind))
            .addAttribute(String.class, a -> a.name("modality").getter(ReferralItem::getModality).setter(ReferralItem::setModality))
            .addAttribute(String.class, a -> a.name("specialty").getter(ReferralItem::getSpecialty).setter(ReferralItem::setSpecialty))
            .addAttribute(String.class, a -> a.name("receiver").getter(ReferralItem::getReceiver).setter(ReferralItem::setReceiver))
            .addAttribute(String.class, a -> a.name("urgency").getter(ReferralItem::getUrgency).setter(ReferralItem::setUrgency))
            .addAttribute(String.class, a -> a.name("clinicalQuestion").getter(ReferralItem::getClinicalQuestion).setter(ReferralItem::setClinicalQuestion))
            .addAttribute(String.class, a -> a.name("createdBy").getter(ReferralItem::getCreatedBy).setter(ReferralItem::setCreatedBy))
            .addAttribute(String.class, a -> a.name("createdAt").getter(ReferralItem::getCreatedAt).setter(ReferralItem::setCreatedAt))
            .addAttribute(String.class, a -> a.name("replaces").getter(ReferralItem::getReplaces).setter(ReferralItem::setReplaces))
            .addAttribute(String.class, a -> a.name("appointmentDate").getter(ReferralItem::getAppointmentDate).setter(ReferralItem::setAppointmentDate))
            .addAttribute(String.class, a -> a.name("rejectionReason").getter(ReferralItem::getRejectionReason).setter(ReferralItem::setRejectionReason))
            .addAttribute(String.class, a -> a.name("complaintBody").getter(ReferralItem::getComplaintBody).setter(ReferralItem::setComplaintBody))
            .addAttribute(String.class, a -> a.name("complaintFiledOn").getter(ReferralItem::getComplaintFiledOn).setter(ReferralItem::setComplaintFiledOn))
            .addAttribute(String.class, a -> a.name("complaintOutcome").getter(ReferralItem::getComplaintOutcome).setter(ReferralItem::setComplaintOutcome))
            .addAttribute(String.class, a -> a.name("replacedBy").getter(ReferralItem::getReplacedBy).setter(ReferralItem::setReplacedBy))
            .addAttribute(String.class, a -> a.name("followUpSince").getter(ReferralItem::getFollowUpSince).setter(ReferralItem::setFollowUpSince))
            .build();

    /**
     * Encrypted: what says something about the patient's health or was written about them (the question,
     * the receiver, the kind and its details, the outcomes). Readable but signed: keys and index keys
     * (help number, site, dates, state), and version and erasedAt for the write conditions.
     */
    public static EncryptedTable encryption(String tableName) {
        return EncryptedTable.of("ReferralsTable", tableName, SCHEMA).signedOnly("state", "version", "erasedAt");
    }

    static String siteState(String site, ReferralState state) {
        return site + "#" + state.name();
    }

    static ReferralItem of(Referral r) {
        ReferralItem i = new ReferralItem();
        i.referralId = r.id();
        i.helpNumber = r.helpNumber().value();
        i.referralKey = r.date() + "#" + r.id();
        i.site = r.site();
        i.siteState = siteState(r.site(), r.state());
        i.stateKey = r.stateSince() + "#" + r.id();
        i.followUp = r.followUpSince().map(since -> r.site()).orElse(null);
        i.state = r.state().name();
        i.version = r.version();
        i.erasedAt = r.erasedAt().map(Instant::toString).orElse(null);
        i.visitId = r.visitId().orElse(null);
        i.kind = r.kind().name();
        i.modality = r.modality().map(Enum::name).orElse(null);
        i.specialty = r.specialty().orElse(null);
        i.receiver = r.receiver();
        i.urgency = r.urgency().name();
        i.clinicalQuestion = r.clinicalQuestion().orElse(null);
        i.createdBy = r.createdBy();
        i.createdAt = r.createdAt().toString();
        i.replaces = r.replaces().orElse(null);
        Referral.Outcome o = r.outcome();
        i.appointmentDate = o.appointmentDate().map(LocalDate::toString).orElse(null);
        i.rejectionReason = o.rejectionReason().map(Enum::name).orElse(null);
        i.complaintBody = o.complaintBody().map(Enum::name).orElse(null);
        i.complaintFiledOn = o.complaintFiledOn().map(LocalDate::toString).orElse(null);
        i.complaintOutcome = o.complaintOutcome().map(Enum::name).orElse(null);
        i.replacedBy = o.replacedBy().orElse(null);
        i.followUpSince = r.followUpSince().map(LocalDate::toString).orElse(null);
        return i;
    }

    Referral toReferral() {
        return new Referral(referralId, new HelpNumber(helpNumber), Optional.ofNullable(visitId), site,
                LocalDate.parse(referralKey.substring(0, referralKey.indexOf('#'))), ReferralKind.valueOf(kind),
                optional(modality, Modality::valueOf), Optional.ofNullable(specialty), receiver, Urgency.valueOf(urgency),
                Optional.ofNullable(clinicalQuestion), createdBy, Instant.parse(createdAt), Optional.ofNullable(replaces),
                ReferralState.valueOf(state), LocalDate.parse(stateKey.substring(0, stateKey.indexOf('#'))), version,
                new Referral.Outcome(optional(appointmentDate, LocalDate::parse), optional(rejectionReason, RejectionReason::valueOf),
                        optional(complaintBody, ComplaintBody::valueOf), optional(complaintFiledOn, LocalDate::parse),
                        optional(complaintOutcome, Referral.ComplaintOutcome::valueOf), Optional.ofNullable(replacedBy)),
                optional(followUpSince, LocalDate::parse), optional(erasedAt, Instant::parse));
    }

    private static <T> Optional<T> optional(String stored, Function<String, T> parse) {
        return Optional.ofNullable(stored).map(parse);
    }

    private String referralId;
    private String helpNumber;
    private String referralKey;
    private String site;
    private String siteState;
    private String stateKey;
    private String followUp;
    private String state;
    private Long version;
    private String erasedAt;
    private String visitId;
    private String kind;
    private String modality;
    private String specialty;
    private String receiver;
    private String urgency;
    private String clinicalQuestion;
    private String createdBy;
    private String createdAt;
    private String replaces;
    private String appointmentDate;
    private String rejectionReason;
    private String complaintBody;
    private String complaintFiledOn;
    private String complaintOutcome;
    private String replacedBy;
    private String followUpSince;

    public String getReferralId() { return referralId; }
    public void setReferralId(String referralId) { this.referralId = referralId; }
    public String getHelpNumber() { return helpNumber; }
    public void setHelpNumber(String helpNumber) { this.helpNumber = helpNumber; }
    public String getReferralKey() { return referralKey; }
    public void setReferralKey(String referralKey) { this.referralKey = referralKey; }
    public String getSite() { return site; }
    public void setSite(String site) { this.site = site; }
    public String getSiteState() { return siteState; }
    public void setSiteState(String siteState) { this.siteState = siteState; }
    public String getStateKey() { return stateKey; }
    public void setStateKey(String stateKey) { this.stateKey = stateKey; }
    public String getFollowUp() { return followUp; }
    public void setFollowUp(String followUp) { this.followUp = followUp; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getErasedAt() { return erasedAt; }
    public void setErasedAt(String erasedAt) { this.erasedAt = erasedAt; }
    public String getVisitId() { return visitId; }
    public void setVisitId(String visitId) { this.visitId = visitId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getModality() { return modality; }
    public void setModality(String modality) { this.modality = modality; }
    public String getSpecialty() { return specialty; }
    public void setSpecialty(String specialty) { this.specialty = specialty; }
    public String getReceiver() { return receiver; }
    public void setReceiver(String receiver) { this.receiver = receiver; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String urgency) { this.urgency = urgency; }
    public String getClinicalQuestion() { return clinicalQuestion; }
    public void setClinicalQuestion(String clinicalQuestion) { this.clinicalQuestion = clinicalQuestion; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getReplaces() { return replaces; }
    public void setReplaces(String replaces) { this.replaces = replaces; }
    public String getAppointmentDate() { return appointmentDate; }
    public void setAppointmentDate(String appointmentDate) { this.appointmentDate = appointmentDate; }
    public String getRejectionReason() { return rejectionReason; }
    public void setRejectionReason(String rejectionReason) { this.rejectionReason = rejectionReason; }
    public String getComplaintBody() { return complaintBody; }
    public void setComplaintBody(String complaintBody) { this.complaintBody = complaintBody; }
    public String getComplaintFiledOn() { return complaintFiledOn; }
    public void setComplaintFiledOn(String complaintFiledOn) { this.complaintFiledOn = complaintFiledOn; }
    public String getComplaintOutcome() { return complaintOutcome; }
    public void setComplaintOutcome(String complaintOutcome) { this.complaintOutcome = complaintOutcome; }
    public String getReplacedBy() { return replacedBy; }
    public void setReplacedBy(String replacedBy) { this.replacedBy = replacedBy; }
    public String getFollowUpSince() { return followUpSince; }
    public void setFollowUpSince(String followUpSince) { this.followUpSince = followUpSince; }
}
