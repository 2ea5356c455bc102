package dk.fristed.invoices.invoice;

import dk.fristed.records.invoice.Channel;
import dk.fristed.records.invoice.InvoiceState;
import dk.fristed.records.invoice.RejectionReason;
import dk.fristed.encryption.EncryptedTable;
import dk.fristed.storage.StoredItem;
import dk.fristed.storage.StoredItemSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;
import java.time.LocalDate;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/** A history entry as stored in InvoiceHistoryTable, keyed by the invoice and the version it created. */
public final class HistoryItem extends StoredItem {
    public static final StaticTableSchema<HistoryItem> SCHEMA = StoredItemSchema.of(HistoryItem.class, HistoryItem::new)
            .string("invoiceId", primaryPartitionKey())
            .number("version", primarySortKey())
            .string("fromState")
            .string("toState")
            .string("action")
            .string("date")
            .string("at")
            .string("by")
            .string("roles")
            .string("channel")
            .string("reference")
            .string("reason")
            .number("credited")
            .number("paid")
            .string("note")
            .build();

    /** Everything but the keys is encrypted: the note and reference are about the patient, and the rest tells their story. */
    public static EncryptedTable encryption(String tableName) {
        return EncryptedTable.of("InvoiceHistoryTable", tableName, SCHEMA);
    }

    static HistoryItem of(HistoryEntry e) {
        HistoryItem i = new HistoryItem();
        i.put("invoiceId", e.invoiceId());
        i.put("version", e.version());
        i.put("fromState", e.from().map(Enum::name).orElse(null));
        i.put("toState", e.to().name());
        i.put("action", e.action().map(Enum::name).orElse(null));
        i.put("date", e.date().toString());
        i.put("at", e.at().toString());
        i.put("by", e.by());
        i.put("roles", e.roles());
        i.put("channel", e.channel().map(Enum::name).orElse(null));
        i.put("reference", e.reference().orElse(null));
        i.put("reason", e.reason().map(Enum::name).orElse(null));
        i.put("credited", e.credited());
        i.put("paid", e.paid());
        i.put("note", e.note().orElse(null));
        return i;
    }

    HistoryEntry toEntry() {
        return new HistoryEntry(string("invoiceId"), number("version"), optional("fromState", InvoiceState::valueOf),
                InvoiceState.valueOf(string("toState")), optional("action", Action::valueOf), LocalDate.parse(string("date")),
                Instant.parse(string("at")), string("by"), string("roles"), optional("channel", Channel::valueOf),
                optionalString("reference"), optional("reason", RejectionReason::valueOf), number("credited"), number("paid"),
                optionalString("note"));
    }
}
