package dk.fristed.records.referral;

import dk.fristed.calendar.Period;
import dk.fristed.encryption.EncryptedTable;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.storage.IndexQueries;
import dk.fristed.storage.StoredItem;
import dk.fristed.storage.StoredItemSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/**
 * A referral as stored in ReferralsTable; the one place that names its attributes. Four indexes: a
 * patient's referrals and a site's by date ({@code referralKey} = date#id), a site's in one state by the
 * day they entered it ({@code siteState}, {@code stateKey} = day#id: what the follow-up reads), and the
 * sparse one of those flagged for follow-up ({@code followUp} = site, set only while flagged).
 */
public final class ReferralItem extends StoredItem {
    public static final String BY_PATIENT = "ByPatient";
    public static final String BY_SITE = "BySite";

    /** A site's referrals by the day they were written (the BySite index): the referral lists and counts, and the reports. */
    public static List<Referral> writtenAt(IndexQueries<ReferralItem, Referral> queries, String site, Period period) {
        return queries.all(BY_SITE, IndexQueries.datedIn(site, period));
    }

    public static final String BY_STATE = "ByState";
    public static final String BY_FOLLOW_UP = "ByFollowUp";

    public static final StaticTableSchema<ReferralItem> SCHEMA = StoredItemSchema.of(
                    ReferralItem.class, ReferralItem::new)
            .string("referralId", primaryPartitionKey())
            .string("helpNumber", secondaryPartitionKey(BY_PATIENT))
            .string("referralKey", secondarySortKey(BY_PATIENT), secondarySortKey(BY_SITE))
            .string("site", secondaryPartitionKey(BY_SITE))
            .string("siteState", secondaryPartitionKey(BY_STATE))
            .string("stateKey", secondarySortKey(BY_STATE), secondarySortKey(BY_FOLLOW_UP))
            .string("followUp", secondaryPartitionKey(BY_FOLLOW_UP))
            .string("state")
            .number("version")
            .string("erasedAt")
            .string("visitId")
            .string("kind")
            .string("modality")
            .string("specialty")
            .string("receiver")
            .string("urgency")
            .string("clinicalQuestion")
            .string("createdBy")
            .string("createdAt")
            .string("replaces")
            .string("appointmentDate")
            .string("rejectionReason")
            .string("complaintBody")
            .string("complaintFiledOn")
            .string("complaintOutcome")
            .string("replacedBy")
            .string("followUpSince")
            .build();

    /**
     * Encrypted: what says something about the patient's health or was written about them (the question,
     * the receiver, the kind and its details, the outcomes). Readable but signed: keys and index keys
     * (help number, site, dates, state), and version and erasedAt for the write conditions.
     */
    public static EncryptedTable encryption(String tableName) {
        return EncryptedTable.of("ReferralsTable", tableName, SCHEMA).signedOnly("state", "version", "erasedAt");
    }

    public static String siteState(String site, ReferralState state) {
        return site + "#" + state.name();
    }

    public static ReferralItem of(Referral r) {
        ReferralItem i = new ReferralItem();
        i.put("referralId", r.id());
        i.put("helpNumber", r.helpNumber().stored());
        i.put("referralKey", r.date() + "#" + r.id());
        i.put("site", r.site());
        i.put("siteState", siteState(r.site(), r.state()));
        i.put("stateKey", r.stateSince() + "#" + r.id());
        i.put("followUp", r.followUpSince().map(since -> r.site()).orElse(null));
        i.put("state", r.state().name());
        i.put("version", r.version());
        i.put("erasedAt", r.erasedAt().map(Instant::toString).orElse(null));
        i.put("visitId", r.visitId().orElse(null));
        i.put("kind", r.kind().name());
        i.put("modality", r.modality().map(Enum::name).orElse(null));
        i.put("specialty", r.specialty().orElse(null));
        i.put("receiver", r.receiver());
        i.put("urgency", r.urgency().name());
        i.put("clinicalQuestion", r.clinicalQuestion().orElse(null));
        i.put("createdBy", r.createdBy());
        i.put("createdAt", r.createdAt().toString());
        i.put("replaces", r.replaces().orElse(null));
        Referral.Outcome o = r.outcome();
        i.put("appointmentDate", o.appointmentDate().map(LocalDate::toString).orElse(null));
        i.put("rejectionReason", o.rejectionReason().map(Enum::name).orElse(null));
        i.put("complaintBody", o.complaintBody().map(Enum::name).orElse(null));
        i.put("complaintFiledOn", o.complaintFiledOn().map(LocalDate::toString).orElse(null));
        i.put("complaintOutcome", o.complaintOutcome().map(Enum::name).orElse(null));
        i.put("replacedBy", o.replacedBy().orElse(null));
        i.put("followUpSince", r.followUpSince().map(LocalDate::toString).orElse(null));
        return i;
    }

    public Referral toReferral() {
        String referralKey = string("referralKey");
        String stateKey = string("stateKey");
        return new Referral(
                string("referralId"),
                HelpNumber.fromStored(optionalString("helpNumber").orElse(null)),
                optionalString("visitId"),
                string("site"),
                LocalDate.parse(referralKey.substring(0, referralKey.indexOf('#'))),
                ReferralKind.valueOf(string("kind")),
                optional("modality", Modality::valueOf),
                optionalString("specialty"),
                optionalString("receiver").orElse(null),
                Urgency.valueOf(string("urgency")),
                optionalString("clinicalQuestion"),
                string("createdBy"),
                Instant.parse(string("createdAt")),
                optionalString("replaces"),
                ReferralState.valueOf(string("state")),
                LocalDate.parse(stateKey.substring(0, stateKey.indexOf('#'))),
                number("version"),
                new Referral.Outcome(
                        optional("appointmentDate", LocalDate::parse),
                        optional("rejectionReason", RejectionReason::valueOf),
                        optional("complaintBody", ComplaintBody::valueOf),
                        optional("complaintFiledOn", LocalDate::parse),
                        optional("complaintOutcome", Referral.ComplaintOutcome::valueOf),
                        optionalString("replacedBy")),
                optional("followUpSince", LocalDate::parse),
                optional("erasedAt", Instant::parse));
    }
}
