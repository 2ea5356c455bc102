package dk.fristed.invoices.invoice;

import dk.fristed.encryption.EncryptedTable;
import dk.fristed.records.invoice.Channel;
import dk.fristed.records.invoice.InvoiceState;
import dk.fristed.records.invoice.RejectionReason;
import dk.fristed.storage.StoredItem;
import dk.fristed.workflow.HistoryColumns;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** A history entry as stored in InvoiceHistoryTable, keyed by the invoice and the version it created. */
public final class HistoryItem extends StoredItem {
    public static final StaticTableSchema<HistoryItem> SCHEMA = HistoryColumns.schema(
                    HistoryItem.class, HistoryItem::new, "invoiceId")
            .string("channel")
            .string("reference")
            .string("reason")
            .number("credited")
            .number("paid")
            .build();

    /** Everything but the keys is encrypted: the note and reference are about the patient, and the rest tells their story. */
    public static EncryptedTable encryption(String tableName) {
        return EncryptedTable.of("InvoiceHistoryTable", tableName, SCHEMA);
    }

    static HistoryItem of(HistoryEntry e) {
        HistoryItem i = new HistoryItem();
        HistoryColumns.put(i, "invoiceId", e);
        i.put("channel", e.channel().map(Enum::name).orElse(null));
        i.put("reference", e.reference().orElse(null));
        i.put("reason", e.reason().map(Enum::name).orElse(null));
        i.put("credited", e.credited());
        i.put("paid", e.paid());
        return i;
    }

    HistoryEntry toEntry() {
        var step = HistoryColumns.read(this, "invoiceId", InvoiceState::valueOf, Action::valueOf);
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
                optional("channel", Channel::valueOf),
                optionalString("reference"),
                optional("reason", RejectionReason::valueOf),
                number("credited"),
                number("paid"),
                step.note());
    }
}
