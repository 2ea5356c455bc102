package dk.fristed.invoices.invoice;

import dk.fristed.audit.Actor;
import dk.fristed.audit.AuditTrail;
import dk.fristed.calendar.ClinicCalendar;
import dk.fristed.calendar.Period;
import dk.fristed.csv.CsvTable;
import dk.fristed.http.ApiRequest;
import dk.fristed.http.ApiResponse;
import dk.fristed.http.ETags;
import dk.fristed.http.TextBody;
import dk.fristed.i18n.Language;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Hmac;
import dk.fristed.paging.PageRequest;
import dk.fristed.records.invoice.Invoice;
import dk.fristed.records.invoice.InvoiceItem;
import dk.fristed.records.invoice.InvoiceState;
import dk.fristed.records.invoice.InvoiceTotals;
import dk.fristed.site.Sites;
import dk.fristed.workflow.RecordRoutes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The invoice routes: each parses, calls the repository, audits and answers. */
public final class InvoiceRoutes {
    /** Domain separation for the keyed hash of a creditor's invoice number: it never matches a cursor or a fingerprint. */
    static final String NUMBER_PURPOSE = "invoice-number";

    private final InvoiceRepository invoices;
    private final IdempotencyStore idempotency;
    private final AuditTrail audit;
    private final Sites sites;
    private final Cursor cursor;
    private final Hmac serverKey;
    private final DeadlinePolicy deadlines;
    private final Clock clock;
    private final RecordRoutes<Invoice, HistoryEntry, InvoiceState> records;

    public InvoiceRoutes(
            InvoiceRepository invoices,
            IdempotencyStore idempotency,
            AuditTrail audit,
            Sites sites,
            Cursor cursor,
            Hmac serverKey,
            DeadlinePolicy deadlines,
            Clock clock) {
        this.invoices = invoices;
        this.idempotency = idempotency;
        this.audit = audit;
        this.sites = sites;
        this.cursor = cursor;
        this.serverKey = serverKey;
        this.deadlines = deadlines;
        this.clock = clock;
        this.records = new RecordRoutes<>(
                invoices.records(),
                "invoiceId",
                InvoiceItem.BY_SITE,
                InvoiceState.class,
                InvoiceResponse::of,
                InvoiceResponse::of,
                audit,
                sites,
                cursor);
    }

    /** {@code POST /invoices}: a received invoice; 409 naming the existing one if its creditor and number are registered. */
    public ApiResponse create(ApiRequest request) {
        InvoiceRequest body = request.bodyAs(InvoiceRequest.class);
        Invoice invoice = received(body, request);
        var creation = invoices.create(
                invoice,
                request.caller(),
                idempotency.claimFor(request, "/invoices", body),
                idempotency,
                Actor.of(request));
        Invoice created = creation.invoice();
        ApiResponse response = ApiResponse.created("/invoices/" + created.id(), InvoiceResponse.of(created))
                .withHeader("ETag", ETags.of(created.version()));
        return response.replayedIf(creation.replayed());
    }

    /**
     * For SnapStart priming: {@link #create}'s path for a made-up request, with the repository's
     * rehearsal instead of its write, up to the JSON of a response: nothing is written.
     */
    public Object rehearseCreate(ApiRequest request) {
        InvoiceRequest body = request.bodyAs(InvoiceRequest.class);
        Invoice invoice = received(body, request);
        return InvoiceResponse.of(invoices.rehearseCreate(
                invoice,
                request.caller(),
                idempotency.claimFor(request, "/invoices", body),
                idempotency,
                Actor.of(request)));
    }

    private Invoice received(InvoiceRequest body, ApiRequest request) {
        LocalDate today = ClinicCalendar.today(clock);
        NewInvoice invoice = NewInvoice.from(body, sites, today);
        String numberKey = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(serverKey.sign(NUMBER_PURPOSE, invoice.identity()));
        return invoice.received(numberKey, request.caller(), clock.instant(), deadlines, today);
    }

    /** {@code GET /invoices/{invoiceId}}, {@code GET /invoices?site=&from=&to=&state=}, {@code GET /patients/{helpNumber}/invoices}. */
    public RecordRoutes<Invoice, HistoryEntry, InvoiceState> records() {
        return records;
    }

    /** {@code POST /invoices/{invoiceId}/transitions}: one step of the workflow; needs If-Match. */
    public ApiResponse transition(ApiRequest request) {
        TransitionRequest body = request.bodyAs(TransitionRequest.class);
        LocalDate today = ClinicCalendar.today(clock);
        return records.step(
                request,
                (id, expected, r) -> invoices.transition(
                        id,
                        expected,
                        current -> Transition.from(body, current, today),
                        r.caller(),
                        Actor.of(r),
                        deadlines,
                        today));
    }

    /** {@code GET /invoices/deadlines?site=}: what needs attention before it reaches debt collection, the earliest due first. */
    public ApiResponse deadlines(ApiRequest request) {
        String site = sites.require(request.requireQuery("site"), "site");
        return records.listed(request, invoices.flagged(site, PageRequest.from(request), cursor));
    }

    /** {@code GET /invoices/totals?from=&to=[&site=]}: counts and sums only, no personal data, so nothing per patient to audit. */
    public ApiResponse totals(ApiRequest request) {
        Period period = request.period();
        Optional<String> site = request.query("site").map(s -> sites.require(s, "site"));
        return ApiResponse.ok(
                InvoiceTotals.of(period.from(), period.to(), site.orElse(null), receivedIn(period, site)));
    }

    /** {@code GET /invoices/export?from=&to=[&site=]}: the period's invoices as CSV; every patient in it is audited as read. */
    public ApiResponse export(ApiRequest request) {
        Period period = request.period();
        Language language = request.language();
        Optional<String> site = request.query("site").map(s -> sites.require(s, "site"));
        List<Invoice> all = receivedIn(period, site);
        audit.readsOf(request, all.stream().map(Invoice::helpNumber).toList());
        String name = "invoices-" + site.map(s -> s + "-").orElse("") + period.from() + "-" + period.to() + ".csv";
        return ApiResponse.ok(new TextBody(CsvTable.CONTENT_TYPE, InvoiceExport.csv(all, language), name));
    }

    private List<Invoice> receivedIn(Period period, Optional<String> site) {
        List<Invoice> all = new ArrayList<>();
        for (String name : site.map(List::of).orElse(sites.names())) {
            all.addAll(invoices.allAtSite(name, period));
        }
        return all;
    }
}
