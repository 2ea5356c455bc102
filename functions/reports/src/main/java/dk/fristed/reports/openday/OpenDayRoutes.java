package dk.fristed.reports.openday;

import dk.fristed.calendar.Period;
import dk.fristed.http.ApiRequest;
import dk.fristed.http.ApiResponse;
import dk.fristed.http.ETags;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.PageRequest;
import dk.fristed.problem.ApiProblem;
import dk.fristed.site.Sites;
import dk.fristed.validation.Fields;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The routes that keep the sites' open days: {@code PUT} records or changes a day, {@code DELETE}
 * removes one recorded by mistake, {@code GET} lists a site's days in a period.
 */
public final class OpenDayRoutes {
    /** Days may be recorded ahead (a planned appointment day), up to a year. */
    static final int DAYS_AHEAD = 366;

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final OpenDayRepository days;
    private final Sites sites;
    private final Cursor cursor;
    private final Clock clock;

    public OpenDayRoutes(OpenDayRepository days, Sites sites, Cursor cursor, Clock clock) {
        this.days = days;
        this.sites = sites;
        this.cursor = cursor;
        this.clock = clock;
    }

    /** The body of {@code PUT /open-days/{site}/{date}}. */
    public record OpenDayRequest(String kind) {}

    /** An open day on the wire. */
    public record OpenDayResponse(String site, LocalDate date, String kind, long version, String recordedAt) {
        static OpenDayResponse of(OpenDay day) {
            return new OpenDayResponse(
                    day.site(),
                    day.date(),
                    Fields.wireName(day.kind()),
                    day.version(),
                    day.recordedAt().toString());
        }
    }

    /**
     * {@code PUT /open-days/{site}/{date}}: records the day (201) or, with the day's ETag in If-Match,
     * changes its kind (200). The same kind sent again without If-Match answers 200 and changes nothing,
     * so a retried request is harmless; another kind without If-Match is 428.
     */
    public ApiResponse put(ApiRequest request) {
        String site = sites.require(request.path("site"), "site");
        LocalDate date = date(request);
        OpenDayKind kind = Fields.oneOf(
                OpenDayKind.class, request.bodyAs(OpenDayRequest.class).kind(), "kind");
        Optional<String> ifMatch = request.header("If-Match");
        Optional<OpenDay> existing = days.find(site, date);
        if (existing.isEmpty()) {
            if (ifMatch.isPresent()) {
                throw ApiProblem.preconditionFailed(
                        "the day is not recorded; send the request without If-Match to record it");
            }
            OpenDay day = new OpenDay(site, date, kind, 1, request.caller().subject(), clock.instant());
            days.create(day);
            return ApiResponse.created("/open-days/" + site + "/" + date, OpenDayResponse.of(day))
                    .withHeader("ETag", ETags.of(1));
        }
        OpenDay current = existing.get();
        if (ifMatch.isEmpty() && current.kind() == kind) {
            return answer(current);
        }
        long expected = ETags.requireIfMatch(request);
        if (expected != current.version()) {
            throw ApiProblem.preconditionFailed("the day changed since it was read");
        }
        OpenDay changed = new OpenDay(
                site, date, kind, current.version() + 1, request.caller().subject(), clock.instant());
        days.replace(changed, expected);
        return answer(changed);
    }

    /** {@code DELETE /open-days/{site}/{date}} with If-Match: a day recorded by mistake. */
    public ApiResponse delete(ApiRequest request) {
        String site = sites.require(request.path("site"), "site");
        LocalDate date = date(request);
        long expected = ETags.requireIfMatch(request);
        OpenDay day = days.find(site, date)
                .orElseThrow(() -> ApiProblem.notFound("date", "no open day is recorded for that site and date"));
        days.delete(day, expected);
        return ApiResponse.noContent();
    }

    /** {@code GET /open-days?site=&from=&to=}: a site's open days by date, paged. */
    public ApiResponse list(ApiRequest request) {
        String site = sites.require(request.requireQuery("site"), "site");
        return ApiResponse.ok(days.atSite(site, request.period(), PageRequest.from(request), cursor)
                .map(OpenDayResponse::of));
    }

    private static ApiResponse answer(OpenDay day) {
        return ApiResponse.ok(OpenDayResponse.of(day)).withHeader("ETag", ETags.of(day.version()));
    }

    private LocalDate date(ApiRequest request) {
        LocalDate date = Period.date(request.path("date"), "date");
        LocalDate latest = LocalDate.now(clock).plusDays(DAYS_AHEAD);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            throw ApiProblem.badRequest("date", "must be from " + EARLIEST + " to a year ahead");
        }
        return date;
    }
}
