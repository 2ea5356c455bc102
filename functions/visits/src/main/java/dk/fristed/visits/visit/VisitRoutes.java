package dk.fristed.visits.visit;

import dk.fristed.audit.Actor;
import dk.fristed.audit.AuditTrail;
import dk.fristed.calendar.ClinicCalendar;
import dk.fristed.calendar.Period;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.ApiRequest;
import dk.fristed.http.ApiResponse;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.records.visit.Visit;
import dk.fristed.site.Sites;

import java.time.Clock;
import java.util.List;

/** The visit routes. */
public final class VisitRoutes {
    private final VisitRepository visits;
    private final IdempotencyStore idempotency;
    private final AuditTrail audit;
    private final Sites sites;
    private final Cursor cursor;
    private final Clock clock;

    public VisitRoutes(
            VisitRepository visits,
            IdempotencyStore idempotency,
            AuditTrail audit,
            Sites sites,
            Cursor cursor,
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
        NewVisit visit = NewVisit.from(body, sites, ClinicCalendar.today(clock));
        var registration = visits.register(visit, idempotency.claimFor(request, "/visits", body), Actor.of(request));
        Visit created = registration.visit();
        ApiResponse response = ApiResponse.created(
                "/patients/" + created.helpNumber().formatted() + "/visits", VisitResponse.of(created));
        return response.replayedIf(registration.replayed());
    }

    /** {@code GET /patients/{helpNumber}/visits}. */
    public ApiResponse ofPatient(ApiRequest request) {
        HelpNumber helpNumber = HelpNumber.parse(request.path("helpNumber"), "helpNumber");
        Page<Visit> page = visits.ofPatient(helpNumber, PageRequest.from(request), cursor);
        audit.readsOf(request, List.of(helpNumber));
        return ApiResponse.ok(
                new Page<>(page.items().stream().map(VisitResponse::of).toList(), page.nextCursor()));
    }

    /** {@code GET /visits?site=&from=&to=}: a site's visits in a period of at most a year. */
    public ApiResponse atSite(ApiRequest request) {
        String site = sites.require(request.requireQuery("site"), "site");
        Period period = request.period();
        Page<Visit> page = visits.atSite(site, period.from(), period.to(), PageRequest.from(request), cursor);
        audit.readsOf(request, page.items().stream().map(Visit::helpNumber).toList());
        return ApiResponse.ok(
                new Page<>(page.items().stream().map(VisitResponse::of).toList(), page.nextCursor()));
    }
}
