package dk.fristed.referrals.referral;

import dk.fristed.audit.Actor;
import dk.fristed.audit.AuditTrail;
import dk.fristed.calendar.ClinicCalendar;
import dk.fristed.calendar.Period;
import dk.fristed.http.ApiRequest;
import dk.fristed.http.ApiResponse;
import dk.fristed.http.ETags;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.PageRequest;
import dk.fristed.records.referral.Referral;
import dk.fristed.records.referral.ReferralCounts;
import dk.fristed.records.referral.ReferralItem;
import dk.fristed.records.referral.ReferralState;
import dk.fristed.site.Sites;
import dk.fristed.workflow.RecordRoutes;

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
    private final RecordRoutes<Referral, HistoryEntry, ReferralState> records;

    public ReferralRoutes(
            ReferralRepository referrals,
            IdempotencyStore idempotency,
            AuditTrail audit,
            Sites sites,
            Cursor cursor,
            Clock clock) {
        this.referrals = referrals;
        this.idempotency = idempotency;
        this.audit = audit;
        this.sites = sites;
        this.cursor = cursor;
        this.clock = clock;
        this.records = new RecordRoutes<>(
                referrals.records(),
                "referralId",
                ReferralItem.BY_SITE,
                ReferralState.class,
                ReferralResponse::of,
                ReferralResponse::of,
                audit,
                sites,
                cursor);
    }

    /** {@code POST /referrals}: a drafted referral (or a new one for a rejected one it {@code replaces}). */
    public ApiResponse create(ApiRequest request) {
        ReferralRequest body = request.bodyAs(ReferralRequest.class);
        NewReferral referral = NewReferral.from(body, sites, ClinicCalendar.today(clock));
        var creation = referrals.create(
                referral,
                request.caller(),
                idempotency.claimFor(request, "/referrals", body),
                idempotency,
                Actor.of(request));
        Referral created = creation.referral();
        ApiResponse response = ApiResponse.created("/referrals/" + created.id(), ReferralResponse.of(created))
                .withHeader("ETag", ETags.of(created.version()));
        return response.replayedIf(creation.replayed());
    }

    /**
     * For SnapStart priming: {@link #create}'s path for a made-up request, with the repository's
     * rehearsal instead of its write, up to the JSON of a response: nothing is written.
     */
    public Object rehearseCreate(ApiRequest request) {
        ReferralRequest body = request.bodyAs(ReferralRequest.class);
        NewReferral referral = NewReferral.from(body, sites, ClinicCalendar.today(clock));
        return ReferralResponse.of(referrals.rehearseCreate(
                referral,
                request.caller(),
                idempotency.claimFor(request, "/referrals", body),
                idempotency,
                Actor.of(request)));
    }

    /** {@code GET /referrals/{referralId}}, {@code GET /referrals?site=&from=&to=&state=}, {@code GET /patients/{helpNumber}/referrals}. */
    public RecordRoutes<Referral, HistoryEntry, ReferralState> records() {
        return records;
    }

    /** {@code POST /referrals/{referralId}/transitions}: one step of the workflow; needs If-Match. */
    public ApiResponse transition(ApiRequest request) {
        TransitionRequest body = request.bodyAs(TransitionRequest.class);
        return records.step(
                request,
                (id, expected, r) -> referrals.transition(
                        id,
                        expected,
                        current -> Transition.from(body, current.date(), ClinicCalendar.today(clock)),
                        r.caller(),
                        Actor.of(r)));
    }

    /** {@code GET /referrals/follow-up?site=}: what the daily follow-up flagged, longest waiting first. */
    public ApiResponse followUp(ApiRequest request) {
        String site = sites.require(request.requireQuery("site"), "site");
        return records.listed(request, referrals.needingFollowUp(site, PageRequest.from(request), cursor));
    }

    /** {@code GET /referrals/counts?from=&to=[&site=]}: counts only, no personal data, so nothing per patient to audit. */
    public ApiResponse counts(ApiRequest request) {
        Period period = request.period();
        Optional<String> site = request.query("site").map(s -> sites.require(s, "site"));
        List<Referral> all = new ArrayList<>();
        for (String name : site.map(List::of).orElse(sites.names())) {
            all.addAll(referrals.allAtSite(name, period));
        }
        return ApiResponse.ok(ReferralCounts.of(period.from(), period.to(), site.orElse(null), all));
    }
}
