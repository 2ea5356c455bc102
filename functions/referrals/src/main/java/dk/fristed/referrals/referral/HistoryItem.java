package dk.fristed.referrals.referral;

import dk.fristed.records.referral.ComplaintBody;
import dk.fristed.records.referral.ReferralState;
import dk.fristed.records.referral.RejectionReason;
import dk.fristed.encryption.EncryptedTable;
import dk.fristed.storage.StoredItem;
import dk.fristed.storage.StoredItemSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;
import java.time.LocalDate;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/** A history entry as stored in ReferralHistoryTable, keyed by the referral and the version it created. */
public final class HistoryItem extends StoredItem {
    public static final StaticTableSchema<HistoryItem> SCHEMA = StoredItemSchema.of(HistoryItem.class, HistoryItem::new)
            .string("referralId", primaryPartitionKey())
            .number("version", primarySortKey())
            .string("fromState")
            .string("toState")
            .string("action")
            .string("date")
            .string("at")
            .string("by")
            .string("roles")
            .string("reason")
            .string("complaintBody")
            .string("appointmentDate")
            .string("note")
            .build();

    /** Everything but the keys is encrypted: the note is free text about the patient, and the rest tells their story. */
    public static EncryptedTable encryption(String tableName) {
        return EncryptedTable.of("ReferralHistoryTable", tableName, SCHEMA);
    }

    static HistoryItem of(HistoryEntry e) {
        HistoryItem i = new HistoryItem();
        i.put("referralId", e.referralId());
        i.put("version", e.version());
        i.put("fromState", e.from().map(Enum::name).orElse(null));
        i.put("toState", e.to().name());
        i.put("action", e.action().map(Enum::name).orElse(null));
        i.put("date", e.date().toString());
        i.put("at", e.at().toString());
        i.put("by", e.by());
        i.put("roles", e.roles());
        i.put("reason", e.reason().map(Enum::name).orElse(null));
        i.put("complaintBody", e.complaintBody().map(Enum::name).orElse(null));
        i.put("appointmentDate", e.appointmentDate().map(LocalDate::toString).orElse(null));
        i.put("note", e.note().orElse(null));
        return i;
    }

    HistoryEntry toEntry() {
        return new HistoryEntry(string("referralId"), number("version"), optional("fromState", ReferralState::valueOf),
                ReferralState.valueOf(string("toState")), optional("action", Action::valueOf), LocalDate.parse(string("date")),
                Instant.parse(string("at")), string("by"), string("roles"), optional("reason", RejectionReason::valueOf),
                optional("complaintBody", ComplaintBody::valueOf), optional("appointmentDate", LocalDate::parse),
                optionalString("note"));
    }
}
