package dk.fristed.records.invoice;

import dk.fristed.calendar.Period;
import dk.fristed.encryption.EncryptedTable;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.money.Money;
import dk.fristed.storage.IndexQueries;
import dk.fristed.storage.StoredItem;
import dk.fristed.storage.StoredItemSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/**
 * An invoice as stored in InvoicesTable; the one place that names its attributes. Five indexes: a
 * patient's and a site's invoices by the day received ({@code invoiceKey} = day#id), and three sparse
 * ones the deadlines need, each holding a site's invoices only while they qualify: awaiting the
 * creditor's answer by the day asked ({@code awaitingSite}, {@code stateKey} = day#id), open by due
 * date ({@code openSite}, {@code dueKey} = due#id) and flagged by due date ({@code flaggedSite}).
 */
public final class InvoiceItem extends StoredItem {
    public static final String BY_PATIENT = "ByPatient";
    public static final String BY_SITE = "BySite";

    /** A site's invoices by the day the clinic received them (the BySite index): the invoice lists and totals, and the reports. */
    public static List<Invoice> receivedAt(IndexQueries<InvoiceItem, Invoice> queries, String site, Period period) {
        return queries.all(BY_SITE, IndexQueries.datedIn(site, period));
    }

    public static final String BY_AWAITING_ANSWER = "ByAwaitingAnswer";
    public static final String BY_DUE = "ByDue";
    public static final String BY_FLAG = "ByFlag";

    public static final StaticTableSchema<InvoiceItem> SCHEMA = StoredItemSchema.of(InvoiceItem.class, InvoiceItem::new)
            .string("invoiceId", primaryPartitionKey())
            .string("helpNumber", secondaryPartitionKey(BY_PATIENT))
            .string("invoiceKey", secondarySortKey(BY_PATIENT), secondarySortKey(BY_SITE))
            .string("site", secondaryPartitionKey(BY_SITE))
            .string("awaitingSite", secondaryPartitionKey(BY_AWAITING_ANSWER))
            .string("stateKey", secondarySortKey(BY_AWAITING_ANSWER))
            .string("openSite", secondaryPartitionKey(BY_DUE))
            .string("flaggedSite", secondaryPartitionKey(BY_FLAG))
            .string("dueKey", secondarySortKey(BY_DUE), secondarySortKey(BY_FLAG))
            .string("state")
            .number("version")
            .string("erasedAt")
            .string("creditor")
            .string("invoiceNumber")
            .string("numberKey")
            .string("invoiceDate")
            .number("amount")
            .string("currency")
            .number("credited")
            .number("paid")
            .string("referralId")
            .string("visitId")
            .string("note")
            .string("channel")
            .string("reference")
            .string("requestedOn")
            .string("rejectionReason")
            .string("decidedOn")
            .string("flags")
            .string("createdBy")
            .string("createdAt")
            .build();

    /**
     * Encrypted: everything written about the patient's invoice (creditor, number, amounts, notes, the
     * creditor's reference, the outcome). Readable but signed: keys and index keys (help number, site,
     * dates), and state, version and erasedAt for the write conditions.
     */
    public static EncryptedTable encryption(String tableName) {
        return EncryptedTable.of("InvoicesTable", tableName, SCHEMA).signedOnly("state", "version", "erasedAt");
    }

    public static InvoiceItem of(Invoice v) {
        InvoiceItem i = new InvoiceItem();
        boolean open = v.state().open() && v.erasedAt().isEmpty();
        i.put("invoiceId", v.id());
        i.put("helpNumber", v.helpNumber().stored());
        i.put("invoiceKey", v.receivedOn() + "#" + v.id());
        i.put("site", v.site());
        i.put("awaitingSite", v.state().awaitingAnswer() && open ? v.site() : null);
        i.put("stateKey", v.stateSince() + "#" + v.id());
        i.put("openSite", open ? v.site() : null);
        i.put("flaggedSite", v.flags().isEmpty() ? null : v.site());
        i.put("dueKey", v.dueDate() + "#" + v.id());
        i.put("state", v.state().name());
        i.put("version", v.version());
        i.put("erasedAt", v.erasedAt().map(Instant::toString).orElse(null));
        i.put("creditor", v.creditor());
        i.put("invoiceNumber", v.invoiceNumber().orElse(null));
        i.put("numberKey", v.numberKey());
        i.put("invoiceDate", v.invoiceDate().toString());
        i.put("amount", v.amount().minor());
        i.put("currency", v.amount().currency());
        i.put("credited", v.credited());
        i.put("paid", v.paid());
        i.put("referralId", v.referralId().orElse(null));
        i.put("visitId", v.visitId().orElse(null));
        i.put("note", v.note().orElse(null));
        Invoice.Outcome o = v.outcome();
        i.put("channel", o.channel().map(Enum::name).orElse(null));
        i.put("reference", o.reference().orElse(null));
        i.put("requestedOn", o.requestedOn().map(LocalDate::toString).orElse(null));
        i.put("rejectionReason", o.rejectionReason().map(Enum::name).orElse(null));
        i.put("decidedOn", o.decidedOn().map(LocalDate::toString).orElse(null));
        i.put(
                "flags",
                v.flags().isEmpty() ? null : v.flags().stream().map(Enum::name).collect(Collectors.joining(",")));
        i.put("createdBy", v.createdBy());
        i.put("createdAt", v.createdAt().toString());
        return i;
    }

    public Invoice toInvoice() {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        optionalString("flags")
                .ifPresent(f -> Arrays.stream(f.split(",")).map(Flag::valueOf).forEach(flags::add));
        return new Invoice(
                string("invoiceId"),
                HelpNumber.fromStored(optionalString("helpNumber").orElse(null)),
                string("site"),
                string("creditor"),
                optionalString("invoiceNumber"),
                string("numberKey"),
                LocalDate.parse(string("invoiceDate")),
                datePart("dueKey"),
                datePart("invoiceKey"),
                new Money(number("amount"), string("currency")),
                number("credited"),
                number("paid"),
                optionalString("referralId"),
                optionalString("visitId"),
                optionalString("note"),
                InvoiceState.valueOf(string("state")),
                datePart("stateKey"),
                number("version"),
                new Invoice.Outcome(
                        optional("channel", Channel::valueOf),
                        optionalString("reference"),
                        optional("requestedOn", LocalDate::parse),
                        optional("rejectionReason", RejectionReason::valueOf),
                        optional("decidedOn", LocalDate::parse)),
                flags,
                string("createdBy"),
                Instant.parse(string("createdAt")),
                optional("erasedAt", Instant::parse));
    }

    private LocalDate datePart(String key) {
        String value = string(key);
        return LocalDate.parse(value.substring(0, value.indexOf('#')));
    }
}
