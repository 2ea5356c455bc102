package dk.fristed.visits.visit;

import dk.fristed.audit.AuditTrail;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.ApiProblem;
import dk.fristed.http.ApiRequest;
import dk.fristed.http.ApiResponse;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.site.Sites;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The visit routes. */
public final class VisitRoutes {
    /** Visit dates are the clinic's calendar dates, not UTC's. */
    static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Copenhagen");
    static final int MAX_PERIOD_DAYS = 366;

    private final VisitRepository visits;
    private final IdempotencyStore idempotency;
    private final AuditTrail audit;
    private final Sites sites;
    private final Cursor cursor;
    private final Clock clock;

    public VisitRoutes(VisitRepository visits, IdempotencyStore idempotency, AuditTrail audit, Sites sites, Cursor cursor,
                       Clock clock) {
        this.visits = visits;
        this.idempotency = idempotency;
        this.audit = audit;
        this.sites = sites;
        this.cursor = cursor;
        this.clock = clock;
    }

    /** {@code POST /visits}. */
    public ApiResponse register(ApiRequest request) {
        VisitRequest body = request.bodyAs(VisitRequest.class);
        NewVisit visit = NewVisit.from(body, sites, LocalDate.now(clock.withZone(CLINIC_ZONE)));
        var registration = visits.register(visit, idempotency.claimFor(request, "/visits", body),
                audit.changeOf(request, visit.helpNumber()));
        Visit created = registration.visit();
        ApiResponse response = ApiResponse.created(
                "/patients/" + created.helpNumber().formatted() + "/visits", VisitResponse.of(created));
        return registration.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
    }

    /** {@code GET /patients/{helpNumber}/visits}. */
    public ApiResponse ofPatient(ApiRequest request) {
        HelpNumber helpNumber = HelpNumber.parse(request.path("helpNumber"), "helpNumber");
        Page<Visit> page = visits.ofPatient(helpNumber, PageRequest.from(request), cursor);
        audit.readsOf(request, List.of(helpNumber));
        return ApiResponse.ok(new Page<>(page.items().stream().map(VisitResponse::of).toList(), page.nextCursor()));
    }

    /** {@code GET /visits?site=&from=&to=}: a site's visits in a period of at most a year. */
    public ApiResponse atSite(ApiRequest request) {
        String site = sites.require(request.requireQuery("site"), "site");
        LocalDate from = date(request, "from");
        LocalDate to = date(request, "to");
        if (to.isBefore(from)) {
            throw ApiProblem.badRequest("to", "must not be before from");
        }
        if (from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
            throw ApiProblem.badRequest("to", "the period may be at most " + MAX_PERIOD_DAYS + " days");
        }
        Page<Visit> page = visits.atSite(site, from, to, PageRequest.from(request), cursor);
        audit.readsOf(request, page.items().stream().map(Visit::helpNumber).toList());
        return ApiResponse.ok(new Page<>(page.items().stream().map(VisitResponse::of).toList(), page.nextCursor()));
    }

    private static LocalDate date(ApiRequest request, String name) {
        try {
            return LocalDate.parse(request.requireQuery(name));
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name, "must be a date like 2025-03-31");
        }
    }
}
