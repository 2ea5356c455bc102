package dk.fristed.budget.ledger;

import dk.fristed.config.Categories;
import dk.fristed.ids.RecordIds;
import dk.fristed.money.Money;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.ledger.EntryKind;
import dk.fristed.records.ledger.Instalment;
import dk.fristed.validation.Fields;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A validated {@link EntryRequest} for one budget year: each kind takes exactly the fields it records.
 * What needs the stored records (that the source and pledge exist, what a reversal undoes) the
 * repository checks.
 */
public record NewEntry(
        int year,
        EntryKind kind,
        LocalDate date,
        long amount,
        Optional<Money> original,
        Optional<String> sourceId,
        Optional<String> pledgeId,
        Optional<String> purpose,
        Optional<String> category,
        Optional<String> note,
        List<Instalment> instalments,
        Optional<String> reverses) {

    static final int MAX_NOTE = 2000;
    static final int MAX_PURPOSE = 100;
    static final int MAX_INSTALMENTS = 60;

    static NewEntry from(EntryRequest r, int year, String budgetCurrency, Categories categories, LocalDate today) {
        EntryKind kind = Fields.oneOf(EntryKind.class, r.kind(), "kind");
        // undated: today, or for a year that has ended (a reversal of last year's entry in January) its last day
        LocalDate date = r.date() != null ? r.date() : today.getYear() > year ? LocalDate.of(year, 12, 31) : today;
        if (date.isAfter(today)) {
            throw ApiProblem.badRequest("date", "must not be in the future");
        }
        boolean dated = kind == EntryKind.PAYMENT || kind == EntryKind.EXPENSE;
        if (dated && date.getYear() != year) {
            throw ApiProblem.badRequest("date", "must be in the budget year " + year);
        }
        Optional<String> note = Fields.optionalNote(r.note(), "note", MAX_NOTE);
        if (kind == EntryKind.REVERSAL) {
            only(kind, r, "reverses", "note", "date");
            return new NewEntry(
                    year,
                    kind,
                    date,
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(
                            note.orElseThrow(() -> ApiProblem.badRequest("note", "is required to reverse: say why"))),
                    List.of(),
                    Optional.of(Fields.optionalText(r.reverses(), "reverses", 200)
                            .orElseThrow(() -> ApiProblem.badRequest("reverses", "is required"))));
        }
        long amount = Money.positive(r.amount(), "amount");
        if (!Money.currency(r.currency(), "currency").equals(budgetCurrency)) {
            throw ApiProblem.unprocessable(
                    "currency",
                    "must be the budget currency; a payment in another currency gives "
                            + "what the bank booked, with originalAmount and originalCurrency beside it");
        }
        Optional<String> purpose =
                Fields.optionalText(r.purpose(), "purpose", MAX_PURPOSE).map(p -> p.toLowerCase(Locale.ROOT));
        return switch (kind) {
            case PLEDGE -> {
                only(kind, r, "amount", "currency", "sourceId", "purpose", "note", "instalments", "date");
                List<Instalment> instalments = instalments(r.instalments(), year);
                long total = instalments.stream().mapToLong(Instalment::amount).reduce(0, Math::addExact);
                if (total != amount) {
                    throw ApiProblem.unprocessable("amount", "must be the sum of the instalments");
                }
                yield new NewEntry(
                        year,
                        kind,
                        date,
                        amount,
                        Optional.empty(),
                        Optional.of(RecordIds.parse(r.sourceId(), "sourceId")),
                        Optional.empty(),
                        purpose,
                        Optional.empty(),
                        note,
                        instalments,
                        Optional.empty());
            }
            case PAYMENT -> {
                only(
                        kind,
                        r,
                        "amount",
                        "currency",
                        "originalAmount",
                        "originalCurrency",
                        "sourceId",
                        "pledgeId",
                        "purpose",
                        "note",
                        "date");
                Optional<Money> original = Optional.empty();
                if (r.originalAmount() != null || r.originalCurrency() != null) {
                    original = Optional.of(new Money(
                            Money.positive(r.originalAmount(), "originalAmount"),
                            Money.currency(r.originalCurrency(), "originalCurrency")));
                }
                yield new NewEntry(
                        year,
                        kind,
                        date,
                        amount,
                        original,
                        Optional.of(RecordIds.parse(r.sourceId(), "sourceId")),
                        RecordIds.optional(r.pledgeId(), "pledgeId"),
                        purpose,
                        Optional.empty(),
                        note,
                        List.of(),
                        Optional.empty());
            }
            case EXPENSE -> {
                only(kind, r, "amount", "currency", "category", "purpose", "note", "date");
                yield new NewEntry(
                        year,
                        kind,
                        date,
                        amount,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        purpose,
                        Optional.of(categories.require(r.category(), "category")),
                        note,
                        List.of(),
                        Optional.empty());
            }
            case REVERSAL -> throw new IllegalStateException("handled above");
        };
    }

    private static List<Instalment> instalments(List<EntryRequest.InstalmentRequest> given, int year) {
        if (given == null || given.isEmpty()) {
            throw ApiProblem.badRequest("instalments", "is required: when each part is due and how much");
        }
        if (given.size() > MAX_INSTALMENTS) {
            throw ApiProblem.badRequest("instalments", "may list at most " + MAX_INSTALMENTS);
        }
        List<Instalment> instalments = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            var t = given.get(i);
            if (t == null) {
                throw ApiProblem.badRequest("instalments[" + i + "]", "is required");
            }
            LocalDate due = Fields.required(t.due(), "instalments[" + i + "].due");
            if (due.getYear() < year || due.getYear() > year + 10) {
                throw ApiProblem.badRequest(
                        "instalments[" + i + "].due", "must be in the budget year " + year + " or the ten after it");
            }
            instalments.add(new Instalment(due, Money.positive(t.amount(), "instalments[" + i + "].amount")));
        }
        instalments.sort(java.util.Comparator.comparing(Instalment::due));
        return List.copyOf(instalments);
    }

    /** A 400 naming the first field the kind does not take. */
    private static void only(EntryKind kind, EntryRequest r, String... allowed) {
        List<String> ok = List.of(allowed);
        Object[][] fields = {
            {"amount", r.amount()},
            {"currency", r.currency()},
            {"originalAmount", r.originalAmount()},
            {"originalCurrency", r.originalCurrency()},
            {"sourceId", r.sourceId()},
            {"pledgeId", r.pledgeId()},
            {"purpose", r.purpose()},
            {"category", r.category()},
            // an empty list is none: clients generated from openapi.json send [] for a list left unset
            {"instalments", r.instalments() == null || r.instalments().isEmpty() ? null : r.instalments()},
            {"reverses", r.reverses()}
        };
        for (Object[] field : fields) {
            if (field[1] != null && !ok.contains((String) field[0])) {
                throw ApiProblem.badRequest((String) field[0], "is not for kind " + Fields.wireName(kind));
            }
        }
    }
}
