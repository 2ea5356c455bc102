package dk.fristed.referrals.referral;

import dk.fristed.audit.AuditTrail;
import dk.fristed.calendar.ClinicCalendar;
import dk.fristed.calendar.Period;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.ApiRequest;
import dk.fristed.http.ApiResponse;
import dk.fristed.http.ETags;
import dk.fristed.ids.RecordIds;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.site.Sites;
import dk.fristed.validation.Fields;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The referral routes: each parses, calls the repository, audits and answers. */
public final class ReferralRoutes {
    private final ReferralRepository referrals;
    private final IdempotencyStore idempotency;
    private final AuditTrail audit;
    private final Sites sites;
    private final Cursor cursor;
    private final Clock clock;

    public ReferralRoutes(ReferralRepository referrals, IdempotencyStore idempotency, AuditTrail audit, Sites sites, Cursor cursor,
                          Clock clock) {
        this.referrals = referrals;
        this.idempotency = idempotency;
        this.audit = audit;
        this.sites = sites;
        this.cursor = cursor;
        this.clock = clock;
    }

    /** {@code POST /referrals}: a drafted referral (or a new one for a rejected one it {@code replaces}). */
    public ApiResponse create(ApiRequest request) {
        ReferralRequest body = request.bodyAs(ReferralRequest.class);
        NewReferral referral = NewReferral.from(body, sites, ClinicCalendar.today(clock));
        var creation = referrals.create(referral, request.caller(), idempotency.claimFor(request, "/referrals", body), idempotency,
                audit.changeOf(request, referral.helpNumber()));
        Referral created = creation.referral();
        ApiResponse response = ApiResponse.created("/referrals/" + created.id(), ReferralResponse.of(created))
                .withHeader("ETag", ETags.of(created.version()));
        return creation.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
    }

    /**
     * For SnapStart priming: {@link #create}'s path for a made-up request, with the repository's
     * rehearsal instead of its write, up to the JSON of a response: nothing is written.
     */
    public Object rehearseCreate(ApiRequest request) {
        ReferralRequest body = request.bodyAs(ReferralRequest.class);
        NewReferral referral = NewReferral.from(body, sites, ClinicCalendar.today(clock));
        return ReferralResponse.of(referrals.rehearseCreate(referral, request.caller(),
                idempotency.claimFor(request, "/referrals", body), idempotency, audit.changeOf(request, referral.helpNumber())));
    }

    /** {@code GET /referrals/{referralId}}: the referral with its whole history. */
    public ApiResponse get(ApiRequest request) {
        String id = RecordIds.parse(request.path("referralId"), "referralId");
        Referral referral = referrals.find(id).orElseThrow(ReferralRepository::notFound);
        List<HistoryEntry> history = referrals.historyOf(id);
        audit.readsOf(request, List.of(referral.helpNumber()));
        return ApiResponse.ok(ReferralResponse.of(referral, history)).withHeader("ETag", ETags.of(referral.version()));
    }

    /** {@code POST /referrals/{referralId}/transitions}: one step of the workflow; needs If-Match. */
    public ApiResponse transition(ApiRequest request) {
        String id = RecordIds.parse(request.path("referralId"), "referralId");
        long expected = ETags.requireIfMatch(request);
        TransitionRequest body = request.bodyAs(TransitionRequest.class);
        Referral moved = referrals.transition(id, expected,
                current -> Transition.from(body, current.date(), ClinicCalendar.today(clock)), request.caller(),
                helpNumber -> audit.changeOf(request, helpNumber));
        return ApiResponse.ok(ReferralResponse.of(moved)).withHeader("ETag", ETags.of(moved.version()));
    }

    /** {@code GET /patients/{helpNumber}/referrals}: newest first. */
    public ApiResponse ofPatient(ApiRequest request) {
        HelpNumber helpNumber = HelpNumber.parse(request.path("helpNumber"), "helpNumber");
        Page<Referral> page = referrals.ofPatient(helpNumber, PageRequest.from(request), cursor);
        audit.readsOf(request, List.of(helpNumber));
        return listed(page);
    }

    /** {@code GET /referrals?site=&from=&to=&state=}: a site's referrals written in a period, optionally in one state. */
    public ApiResponse atSite(ApiRequest request) {
        String site = sites.require(request.requireQuery("site"), "site");
        Period period = Period.fromQuery(request);
        Optional<ReferralState> state = request.query("state").map(s -> Fields.oneOf(ReferralState.class, s, "state"));
        Page<Referral> page = referrals.atSite(site, period, state, PageRequest.from(request), cursor);
        audit.readsOf(request, page.items().stream().map(Referral::helpNumber).toList());
        return listed(page);
    }

    /** {@code GET /referrals/follow-up?site=}: what the daily follow-up flagged, longest waiting first. */
    public ApiResponse followUp(ApiRequest request) {
        String site = sites.require(request.requireQuery("site"), "site");
        Page<Referral> page = referrals.needingFollowUp(site, PageRequest.from(request), cursor);
        audit.readsOf(request, page.items().stream().map(Referral::helpNumber).toList());
        return listed(page);
    }

    /** {@code GET /referrals/counts?from=&to=[&site=]}: counts only, no personal data, so nothing per patient to audit. */
    public ApiResponse counts(ApiRequest request) {
        Period period = Period.fromQuery(request);
        Optional<String> site = request.query("site").map(s -> sites.require(s, "site"));
        List<Referral> all = new ArrayList<>();
        for (String name : site.map(List::of).orElse(sites.names())) {
            all.addAll(referrals.allAtSite(name, period));
        }
        return ApiResponse.ok(ReferralCounts.of(period.from(), period.to(), site.orElse(null), all));
    }

    private static ApiResponse listed(Page<Referral> page) {
        return ApiResponse.ok(page.map(ReferralResponse::of));
    }
}
