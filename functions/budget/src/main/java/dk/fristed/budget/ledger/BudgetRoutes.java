package dk.fristed.budget.ledger;

import dk.fristed.calendar.ClinicCalendar;
import dk.fristed.calendar.Period;
import dk.fristed.config.Categories;
import dk.fristed.csv.CsvTable;
import dk.fristed.http.ApiRequest;
import dk.fristed.http.ApiResponse;
import dk.fristed.http.TextBody;
import dk.fristed.i18n.Language;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.ids.RecordIds;
import dk.fristed.money.Money;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.PageRequest;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.ledger.BudgetYear;
import dk.fristed.records.ledger.Progress;
import dk.fristed.records.ledger.Source;
import dk.fristed.records.ledger.SourceType;
import dk.fristed.validation.Fields;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The budget routes: each parses, calls the repository and answers. No patient data: nothing here is audited per patient. */
public final class BudgetRoutes {
    static final int MAX_NAME = 200;
    static final int MAX_CONTACT = 500;

    private final BudgetRepository budget;
    private final IdempotencyStore idempotency;
    private final Cursor cursor;
    private final String currency;
    private final Categories categories;
    private final Clock clock;

    public BudgetRoutes(
            BudgetRepository budget,
            IdempotencyStore idempotency,
            Cursor cursor,
            String currency,
            Categories categories,
            Clock clock) {
        this.budget = budget;
        this.idempotency = idempotency;
        this.cursor = cursor;
        this.currency = Money.currency(currency, "BUDGET_CURRENCY");
        this.categories = categories;
        this.clock = clock;
    }

    /** {@code POST /budget/years}: a year's need and plan, once. */
    public ApiResponse createYear(ApiRequest request) {
        YearRequest body = request.bodyAs(YearRequest.class);
        int year = Fields.required(body.year(), "year");
        if (year < 2009 || year > ClinicCalendar.today(clock).getYear() + 1) {
            throw ApiProblem.badRequest("year", "must be from 2009 to next year");
        }
        long need = Money.positive(body.need(), "need");
        if (!Money.currency(body.currency(), "currency").equals(currency)) {
            throw ApiProblem.unprocessable("currency", "must be the budget currency of this deployment");
        }
        Map<String, Long> plan = new LinkedHashMap<>();
        if (body.plan() != null) {
            body.plan()
                    .forEach((category, amount) ->
                            plan.put(categories.require(category, "plan"), Money.positive(amount, "plan." + category)));
        }
        var created = budget.createYear(
                new BudgetYear(year, need, currency, plan, request.caller().subject(), clock.instant()),
                idempotency.claimFor(request, "/budget/years", body),
                idempotency);
        ApiResponse response =
                ApiResponse.created("/budget/years/" + year + "/progress", Responses.YearResponse.of(created.record()));
        return response.replayedIf(created.replayed());
    }

    /** {@code POST /budget/sources}: a branch, a foundation, a donor (anonymous or named; a name is encrypted). */
    public ApiResponse createSource(ApiRequest request) {
        SourceRequest body = request.bodyAs(SourceRequest.class);
        Source source = newSource(body, request);
        var created = budget.createSource(source, idempotency.claimFor(request, "/budget/sources", body), idempotency);
        ApiResponse response =
                ApiResponse.created("/budget/sources/" + source.id(), Responses.SourceResponse.of(created.record()));
        return response.replayedIf(created.replayed());
    }

    /** For SnapStart priming: {@link #createSource} up to the JSON of its answer, with the repository's rehearsal: nothing is written. */
    public Object rehearseCreateSource(ApiRequest request) {
        SourceRequest body = request.bodyAs(SourceRequest.class);
        return Responses.SourceResponse.of(budget.rehearseSource(
                newSource(body, request), idempotency.claimFor(request, "/budget/sources", body), idempotency));
    }

    private Source newSource(SourceRequest body, ApiRequest request) {
        SourceType type = Fields.oneOf(SourceType.class, body.type(), "type");
        boolean anonymous = Boolean.TRUE.equals(body.anonymous());
        Optional<String> name = Fields.optionalText(body.name(), "name", MAX_NAME);
        Optional<String> contact = Fields.optionalNote(body.contact(), "contact", MAX_CONTACT);
        if (anonymous && (name.isPresent() || contact.isPresent())) {
            throw ApiProblem.badRequest(name.isPresent() ? "name" : "contact", "is not kept for an anonymous donor");
        }
        if (anonymous && type != SourceType.PRIVATE_DONOR) {
            throw ApiProblem.badRequest("anonymous", "is for private donors");
        }
        if (!anonymous && name.isEmpty()) {
            throw ApiProblem.badRequest("name", "is required unless the donor is anonymous");
        }
        return new Source(
                RecordIds.random(),
                type,
                name,
                contact,
                anonymous,
                1,
                Optional.empty(),
                request.caller().subject(),
                clock.instant());
    }

    /** {@code GET /budget/sources}: paged. */
    public ApiResponse sources(ApiRequest request) {
        return ApiResponse.ok(budget.sources(PageRequest.from(request), cursor).map(Responses.SourceResponse::of));
    }

    /** {@code DELETE /budget/sources/{sourceId}}: the donor's name and contact erased on request; the amounts stay. */
    public ApiResponse eraseSource(ApiRequest request) {
        budget.eraseSource(RecordIds.parse(request.path("sourceId"), "sourceId"));
        return ApiResponse.noContent();
    }

    /** {@code POST /budget/years/{year}/entries}: a pledge, payment, expense or reversal. */
    public ApiResponse addEntry(ApiRequest request) {
        int year = year(request);
        EntryRequest body = request.bodyAs(EntryRequest.class);
        NewEntry entry = NewEntry.from(body, year, currency, categories, ClinicCalendar.today(clock));
        var written = budget.addEntry(
                entry,
                request.caller(),
                idempotency.claimFor(request, "/budget/years/" + year + "/entries", body),
                idempotency);
        ApiResponse response = ApiResponse.created(
                "/budget/years/" + year + "/entries",
                new Responses.Written(written.record().stream()
                        .map(e -> Responses.EntryResponse.of(e, currency))
                        .toList()));
        return response.replayedIf(written.replayed());
    }

    /** {@code GET /budget/years/{year}/entries}: the ledger, paged, in key order. */
    public ApiResponse entries(ApiRequest request) {
        int year = year(request);
        return ApiResponse.ok(budget.ledgerPage(year, PageRequest.from(request), cursor)
                .map(e -> Responses.EntryResponse.of(e, currency)));
    }

    /** {@code GET /budget/years/{year}/progress}. */
    public ApiResponse progress(ApiRequest request) {
        return ApiResponse.ok(progressOf(year(request)));
    }

    /** {@code GET /budget/years/{year}/chart}: the progress as an SVG. */
    public ApiResponse chart(ApiRequest request) {
        int year = year(request);
        Language language = request.language();
        return ApiResponse.ok(new TextBody(
                "image/svg+xml", FundingChart.svg(progressOf(year), language), "funding-" + year + ".svg"));
    }

    /** {@code GET /budget/years/{year}/export}: the ledger as CSV. */
    public ApiResponse export(ApiRequest request) {
        int year = year(request);
        Language language = request.language();
        BudgetYear budgetYear = requireYear(year);
        return ApiResponse.ok(new TextBody(
                CsvTable.CONTENT_TYPE,
                LedgerExport.csv(budgetYear, budget.ledger(year), budget.allSources(), language),
                "budget-" + year + ".csv"));
    }

    private Progress progressOf(int year) {
        BudgetYear budgetYear = requireYear(year);
        return Progress.of(
                budgetYear, budget.ledger(year), budget.allSources(), categories, ClinicCalendar.today(clock));
    }

    private BudgetYear requireYear(int year) {
        return budget.year(year).orElseThrow(() -> ApiProblem.notFound("year", "no budget is set up for this year"));
    }

    private static int year(ApiRequest request) {
        return Period.year(request.path("year"), "year", Period.LATEST.getYear());
    }
}
