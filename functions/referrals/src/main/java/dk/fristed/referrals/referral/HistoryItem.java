package dk.fristed.referrals.referral;

import dk.fristed.encryption.EncryptedTable;
import dk.fristed.records.referral.ComplaintBody;
import dk.fristed.records.referral.ReferralState;
import dk.fristed.records.referral.RejectionReason;
import dk.fristed.storage.StoredItem;
import dk.fristed.workflow.HistoryColumns;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.LocalDate;

/** A history entry as stored in ReferralHistoryTable, keyed by the referral and the version it created. */
public final class HistoryItem extends StoredItem {
    public static final StaticTableSchema<HistoryItem> SCHEMA = HistoryColumns.schema(
                    HistoryItem.class, HistoryItem::new, "referralId")
            .string("reason")
            .string("complaintBody")
            .string("appointmentDate")
            .build();

    /** Everything but the keys is encrypted: the note is free text about the patient, and the rest tells their story. */
    public static EncryptedTable encryption(String tableName) {
        return EncryptedTable.of("ReferralHistoryTable", tableName, SCHEMA);
    }

    static HistoryItem of(HistoryEntry e) {
        HistoryItem i = new HistoryItem();
        HistoryColumns.put(i, "referralId", e);
        i.put("reason", e.reason().map(Enum::name).orElse(null));
        i.put("complaintBody", e.complaintBody().map(Enum::name).orElse(null));
        i.put("appointmentDate", e.appointmentDate().map(LocalDate::toString).orElse(null));
        return i;
    }

    HistoryEntry toEntry() {
        var step = HistoryColumns.read(this, "referralId", ReferralState::valueOf, Action::valueOf);
        return new HistoryEntry(
                step.recordId(),
                step.version(),
                step.from(),
                step.to(),
                step.action(),
                step.date(),
                step.at(),
                step.by(),
                step.roles(),
                optional("reason", RejectionReason::valueOf),
                optional("complaintBody", ComplaintBody::valueOf),
                optional("appointmentDate", LocalDate::parse),
                step.note());
    }
}
