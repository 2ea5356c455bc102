package dk.fristed.referrals.referral;

import dk.fristed.encryption.EncryptedTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/** A history entry as stored in ReferralHistoryTable, keyed by the referral and the version it created. */
public final class HistoryItem {
    public static final StaticTableSchema<HistoryItem> SCHEMA = StaticTableSchema.builder(HistoryItem.class)
            .newItemSupplier(HistoryItem::new)
            .addAttribute(String.class, a -> a.name("referralId").getter(HistoryItem::getReferralId).setter(HistoryItem::setReferralId).tags(primaryPartitionKey()))
            .addAttribute(Long.class, a -> a.name("version").getter(HistoryItem::getVersion).setter(HistoryItem::setVersion).tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("fromState").getter(HistoryItem::getFromState).setter(HistoryItem::setFromState))
            .addAttribute(String.class, a -> a.name("toState").getter(HistoryItem::getToState).setter(HistoryItem::setToState))
            .addAttribute(String.class, a -> a.name("action").getter(HistoryItem::getAction).setter(HistoryItem::setAction))
            .addAttribute(String.class, a -> a.name("date").getter(HistoryItem::getDate).setter(HistoryItem::setDate))
            .addAttribute(String.class, a -> a.name("at").getter(HistoryItem::getAt).setter(HistoryItem::setAt))
            .addAttribute(String.class, a -> a.name("by").getter(HistoryItem::getBy).setter(HistoryItem::setBy))
            .addAttribute(String.class, a -> a.name("roles").getter(HistoryItem::getRoles).setter(HistoryItem::setRoles))
            .addAttribute(String.class, a -> a.name("reason").getter(HistoryItem::getReason).setter(HistoryItem::setReason))
            .addAttribute(String.class, a -> a.name("complaintBody").getter(HistoryItem::getComplaintBody).setter(HistoryItem::setComplaintBody))
            .addAttribute(String.class, a -> a.name("appointmentDate").getter(HistoryItem::getAppointmentDate).setter(HistoryItem::setAppointmentDate))
            .addAttribute(String.class, a -> a.name("note").getter(HistoryItem::getNote).setter(HistoryItem::setNote))
            .build();

    /** Everything but the keys is encrypted: the note is free text about the patient, and the rest tells their story. */
    public static EncryptedTable encryption(String tableName) {
        return EncryptedTable.of("ReferralHistoryTable", tableName, SCHEMA);
    }

    static HistoryItem of(HistoryEntry e) {
        HistoryItem i = new HistoryItem();
        i.referralId = e.referralId();
        i.version = e.version();
        i.fromState = e.from().map(Enum::name).orElse(null);
        i.toState = e.to().name();
        i.action = e.action().map(Enum::name).orElse(null);
        i.date = e.date().toString();
        i.at = e.at().toString();
        i.by = e.by();
        i.roles = e.roles();
        i.reason = e.reason().map(Enum::name).orElse(null);
        i.complaintBody = e.complaintBody().map(Enum::name).orElse(null);
        i.appointmentDate = e.appointmentDate().map(LocalDate::toString).orElse(null);
        i.note = e.note().orElse(null);
        return i;
    }

    HistoryEntry toEntry() {
        return new HistoryEntry(referralId, version, optional(fromState, ReferralState::valueOf), ReferralState.valueOf(toState),
                optional(action, Action::valueOf), LocalDate.parse(date), Instant.parse(at), by, roles,
                optional(reason, RejectionReason::valueOf), optional(complaintBody, ComplaintBody::valueOf),
                optional(appointmentDate, LocalDate::parse), Optional.ofNullable(note));
    }

    private static <T> Optional<T> optional(String stored, Function<String, T> parse) {
        return Optional.ofNullable(stored).map(parse);
    }

    private String referralId;
    private Long version;
    private String fromState;
    private String toState;
    private String action;
    private String date;
    private String at;
    private String by;
    private String roles;
    private String reason;
    private String complaintBody;
    private String appointmentDate;
    private String note;

    public String getReferralId() { return referralId; }
    public void setReferralId(String referralId) { this.referralId = referralId; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getFromState() { return fromState; }
    public void setFromState(String fromState) { this.fromState = fromState; }
    public String getToState() { return toState; }
    public void setToState(String toState) { this.toState = toState; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getDate() { return date; }
    public void setDate(String date) { this.date = date; }
    public String getAt() { return at; }
    public void setAt(String at) { this.at = at; }
    public String getBy() { return by; }
    public void setBy(String by) { this.by = by; }
    public String getRoles() { return roles; }
    public void setRoles(String roles) { this.roles = roles; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getComplaintBody() { return complaintBody; }
    public void setComplaintBody(String complaintBody) { this.complaintBody = complaintBody; }
    public String getAppointmentDate() { return appointmentDate; }
    public void setAppointmentDate(String appointmentDate) { this.appointmentDate = appointmentDate; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
