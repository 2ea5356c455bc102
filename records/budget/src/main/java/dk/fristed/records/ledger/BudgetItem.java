package dk.fristed.records.ledger;

import dk.fristed.encryption.EncryptedTable;
import dk.fristed.money.Money;
import dk.fristed.storage.StoredItem;
import dk.fristed.storage.StoredItemSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/**
 * BudgetTable's items, the one place that names their attributes. One table, three scopes: the years
 * ({@code years}, keyed by the year), the sources ({@code sources}, by id) and each year's ledger
 * ({@code ledger#2025}, by entry key), so that every list is one query on the key, never a Scan.
 */
public final class BudgetItem extends StoredItem {
    public static final String YEARS = "years";
    public static final String SOURCES = "sources";

    public static final StaticTableSchema<BudgetItem> SCHEMA = StoredItemSchema.of(BudgetItem.class, BudgetItem::new)
            .string("scope", primaryPartitionKey())
            .string("key", primarySortKey())
            .number("version")
            .string("erasedAt")
            .string("createdBy")
            .string("createdAt")
            // a year
            .number("need")
            .string("currency")
            .string("plan")
            // a source
            .string("type")
            .string("name")
            .string("contact")
            .string("anonymous")
            // a ledger entry
            .string("kind")
            .string("date")
            .number("amount")
            .number("originalAmount")
            .string("originalCurrency")
            .string("sourceId")
            .string("pledgeId")
            .string("purpose")
            .string("category")
            .string("note")
            .string("instalments")
            .number("settled")
            .string("reverses")
            .build();

    /**
     * Encrypted: everything but the keys, the version (write conditions) and erasedAt; a donor's name,
     * contact and the notes are personal data, and the rest is the clinic's own business.
     */
    public static EncryptedTable encryption(String tableName) {
        return EncryptedTable.of("BudgetTable", tableName, SCHEMA).signedOnly("version", "erasedAt");
    }

    public static String ledger(int year) {
        return "ledger#" + year;
    }

    public static BudgetItem of(BudgetYear y) {
        BudgetItem i = new BudgetItem();
        i.put("scope", YEARS);
        i.put("key", Integer.toString(y.year()));
        i.put("version", 1L);
        i.put("need", y.need());
        i.put("currency", y.currency());
        i.put(
                "plan",
                y.plan().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(";")));
        i.put("createdBy", y.createdBy());
        i.put("createdAt", y.createdAt().toString());
        return i;
    }

    public BudgetYear toYear() {
        Map<String, Long> plan = new LinkedHashMap<>();
        optionalString("plan")
                .filter(p -> !p.isEmpty())
                .ifPresent(p -> Arrays.stream(p.split(";"))
                        .forEach(line -> plan.put(
                                line.substring(0, line.indexOf('=')),
                                Long.parseLong(line.substring(line.indexOf('=') + 1)))));
        return new BudgetYear(
                Integer.parseInt(string("key")),
                number("need"),
                string("currency"),
                plan,
                string("createdBy"),
                Instant.parse(string("createdAt")));
    }

    public static BudgetItem of(Source s) {
        BudgetItem i = new BudgetItem();
        i.put("scope", SOURCES);
        i.put("key", s.id());
        i.put("version", s.version());
        i.put("type", s.type().name());
        i.put("name", s.name().orElse(null));
        i.put("contact", s.contact().orElse(null));
        i.put("anonymous", Boolean.toString(s.anonymous()));
        i.put("erasedAt", s.erasedAt().map(Instant::toString).orElse(null));
        i.put("createdBy", s.createdBy());
        i.put("createdAt", s.createdAt().toString());
        return i;
    }

    public Source toSource() {
        return new Source(
                string("key"),
                SourceType.valueOf(string("type")),
                optionalString("name"),
                optionalString("contact"),
                Boolean.parseBoolean(string("anonymous")),
                number("version"),
                optional("erasedAt", Instant::parse),
                string("createdBy"),
                Instant.parse(string("createdAt")));
    }

    public static BudgetItem of(Entry e) {
        BudgetItem i = new BudgetItem();
        i.put("scope", ledger(e.year()));
        i.put("key", e.key());
        i.put("version", e.version());
        i.put("kind", e.kind().name());
        i.put("date", e.date().toString());
        i.put("amount", e.amount());
        i.put("originalAmount", e.original().map(Money::minor).orElse(null));
        i.put("originalCurrency", e.original().map(Money::currency).orElse(null));
        i.put("sourceId", e.sourceId().orElse(null));
        i.put("pledgeId", e.pledgeId().orElse(null));
        i.put("purpose", e.purpose().orElse(null));
        i.put("category", e.category().orElse(null));
        i.put("note", e.note().orElse(null));
        i.put(
                "instalments",
                e.instalments().isEmpty()
                        ? null
                        : e.instalments().stream()
                                .map(t -> t.due() + "=" + t.amount())
                                .collect(Collectors.joining(";")));
        i.put("settled", e.kind() == EntryKind.PLEDGE ? e.settled() : null);
        i.put("reverses", e.reverses().orElse(null));
        i.put("createdBy", e.createdBy());
        i.put("createdAt", e.createdAt().toString());
        return i;
    }

    public Entry toEntry() {
        List<Instalment> instalments = optionalString("instalments")
                .map(s -> Arrays.stream(s.split(";"))
                        .map(t -> new Instalment(
                                LocalDate.parse(t.substring(0, t.indexOf('='))),
                                Long.parseLong(t.substring(t.indexOf('=') + 1))))
                        .toList())
                .orElse(List.of());
        Optional<Money> original =
                Optional.ofNullable(number("originalAmount")).map(a -> new Money(a, string("originalCurrency")));
        String scope = string("scope");
        return new Entry(
                Integer.parseInt(scope.substring(scope.indexOf('#') + 1)),
                string("key"),
                EntryKind.valueOf(string("kind")),
                LocalDate.parse(string("date")),
                number("amount"),
                original,
                optionalString("sourceId"),
                optionalString("pledgeId"),
                optionalString("purpose"),
                optionalString("category"),
                optionalString("note"),
                instalments,
                Optional.ofNullable(number("settled")).orElse(0L),
                optionalString("reverses"),
                number("version"),
                string("createdBy"),
                Instant.parse(string("createdAt")));
    }
}
