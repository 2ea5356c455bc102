package dk.fristed.budget.ledger;

import dk.fristed.csv.CsvTable;
import dk.fristed.i18n.Language;
import dk.fristed.i18n.Language.Text;
import dk.fristed.money.Money;
import dk.fristed.records.ledger.BudgetYear;
import dk.fristed.records.ledger.Entry;
import dk.fristed.records.ledger.Source;
import dk.fristed.validation.Fields;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A year's ledger as CSV for the treasurer: every entry, reversals included, by date; amounts as
 * decimals in major units beside their currency (in the request's language: headers, separator and
 * decimal mark, see {@link Language}); a donor as the report names them (anonymous and
 * erased donors stay so).
 */
public final class LedgerExport {
    static final List<Text> HEADER = List.of(
            new Text("entry", "Post", "Post"),
            new Text("date", "Dato", "Dato"),
            new Text("kind", "Art", "Type"),
            new Text("source_type", "Kildetype", "Kildetype"),
            new Text("source", "Kilde", "Kilde"),
            new Text("category", "Kategori", "Kategori"),
            new Text("purpose", "Formål", "Formål"),
            new Text("amount", "Beløb", "Beløp"),
            new Text("net", "Netto", "Netto"),
            new Text("currency", "Valuta", "Valuta"),
            new Text("original_amount", "Oprindeligt beløb", "Opprinnelig beløp"),
            new Text("original_currency", "Oprindelig valuta", "Opprinnelig valuta"),
            new Text("pledge_id", "Tilsagn", "Tilsagn"),
            new Text("instalments", "Rater", "Avdrag"),
            new Text("reverses", "Tilbagefører", "Tilbakefører"),
            new Text("note", "Note", "Notat"));

    private LedgerExport() {}

    static String csv(BudgetYear year, List<Entry> ledger, List<Source> sources, Language language) {
        Map<String, Source> byId = sources.stream().collect(Collectors.toMap(Source::id, Function.identity()));
        Map<String, Entry> byKey = ledger.stream().collect(Collectors.toMap(Entry::key, Function.identity()));
        CsvTable table = new CsvTable(language, HEADER);
        for (Entry e : ledger.stream()
                .sorted(Comparator.comparing(Entry::date).thenComparing(Entry::key))
                .toList()) {
            Source source = e.sourceId().map(byId::get).orElse(null);
            table.row()
                    .value(e.key())
                    .value(e.date())
                    .value(Fields.wireName(e.kind()))
                    .value(source == null ? null : Fields.wireName(source.type()))
                    .text(source == null ? null : source.label())
                    .text(e.category().orElse(null))
                    .text(e.purpose().orElse(null))
                    .decimal(new Money(e.amount(), year.currency()).decimal())
                    .decimal(new Money(net(e, byKey), year.currency()).decimal())
                    .value(year.currency())
                    .decimal(e.original().map(Money::decimal).orElse(null))
                    .value(e.original().map(Money::currency).orElse(null))
                    .value(e.pledgeId().orElse(null))
                    .value(
                            e.instalments().isEmpty()
                                    ? null
                                    : e.instalments().stream()
                                            .map(t -> t.due() + " "
                                                    + table.decimal(new Money(t.amount(), year.currency()).decimal()))
                                            .collect(Collectors.joining("; ")))
                    .value(e.reverses().orElse(null))
                    .text(e.note().orElse(null))
                    .end();
        }
        return table.toString();
    }

    /**
     * What the entry does to the year's money, signed, so that the column sums to what came in less what
     * was spent: a payment adds, an expense takes away, a pledge moves no money, a reversal undoes its entry.
     */
    static long net(Entry e, Map<String, Entry> byKey) {
        return switch (e.kind()) {
            case PAYMENT -> e.amount();
            case EXPENSE -> -e.amount();
            case PLEDGE -> 0;
            case REVERSAL ->
                -e.reverses()
                        .map(byKey::get)
                        .map(reversed -> net(reversed, byKey))
                        .orElse(0L);
        };
    }
}
