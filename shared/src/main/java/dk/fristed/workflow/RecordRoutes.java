package dk.fristed.workflow;

import dk.fristed.audit.AuditTrail;
import dk.fristed.calendar.Period;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.ApiRequest;
import dk.fristed.http.ApiResponse;
import dk.fristed.http.ETags;
import dk.fristed.ids.RecordIds;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.site.Sites;
import dk.fristed.validation.Fields;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The routes every kind of workflow record has, once: one record with its history, a patient's records,
 * a site's records of a period (optionally in one state), and the frame of a step (the id, If-Match, the
 * answer with its ETag). Each reads through {@link RecordStore} and audits every patient it shows.
 *
 * @param <S> the record's states, for {@code ?state=}
 */
public final class RecordRoutes<R extends WorkflowRecord, E, S extends Enum<S>> {
    private final RecordStore<R, E> store;
    private final String idField;
    private final String bySiteIndex;
    private final Class<S> states;
    private final BiFunction<R, List<E>, Object> withHistory;
    private final Function<R, Object> alone;
    private final AuditTrail audit;
    private final Sites sites;
    private final Cursor cursor;

    /**
     * @param idField     the path parameter naming a record ("referralId")
     * @param bySiteIndex the index of a site's records by date
     * @param withHistory a record's answer with its history; {@code alone}: without
     */
    public RecordRoutes(
            RecordStore<R, E> store,
            String idField,
            String bySiteIndex,
            Class<S> states,
            BiFunction<R, List<E>, Object> withHistory,
            Function<R, Object> alone,
            AuditTrail audit,
            Sites sites,
            Cursor cursor) {
        this.store = store;
        this.idField = idField;
        this.bySiteIndex = bySiteIndex;
        this.states = states;
        this.withHistory = withHistory;
        this.alone = alone;
        this.audit = audit;
        this.sites = sites;
        this.cursor = cursor;
    }

    /** A step's own part: from the record's id, the version the client read and its request, the record after the step. */
    @FunctionalInterface
    public interface Stepper<R> {
        R step(String id, long expectedVersion, ApiRequest request);
    }

    /** {@code GET /…/{id}}: the record with its whole history. */
    public ApiResponse get(ApiRequest request) {
        String id = RecordIds.parse(request.path(idField), idField);
        R record = store.require(id);
        List<E> history = store.historyOf(id);
        audit.readsOf(request, List.of(record.helpNumber()));
        return ApiResponse.ok(withHistory.apply(record, history)).withHeader("ETag", ETags.of(record.version()));
    }

    /** {@code POST /…/{id}/transitions}: one step of the workflow; needs If-Match. */
    public ApiResponse step(ApiRequest request, Stepper<R> stepper) {
        String id = RecordIds.parse(request.path(idField), idField);
        long expected = ETags.requireIfMatch(request);
        R moved = stepper.step(id, expected, request);
        return ApiResponse.ok(alone.apply(moved)).withHeader("ETag", ETags.of(moved.version()));
    }

    /** {@code GET /patients/{helpNumber}/…}: newest first. */
    public ApiResponse ofPatient(ApiRequest request) {
        HelpNumber helpNumber = HelpNumber.parse(request.path("helpNumber"), "helpNumber");
        Page<R> page = store.ofPatient(helpNumber, PageRequest.from(request), cursor);
        audit.readsOf(request, List.of(helpNumber));
        return ApiResponse.ok(page.map(alone));
    }

    /** {@code GET /…?site=&from=&to=&state=}: a site's records of a period, optionally in one state. */
    public ApiResponse atSite(ApiRequest request) {
        String site = sites.require(request.requireQuery("site"), "site");
        Period period = request.period();
        Optional<S> state = request.query("state").map(s -> Fields.oneOf(states, s, "state"));
        return listed(request, store.atSite(bySiteIndex, site, period, state, PageRequest.from(request), cursor));
    }

    /** A page of records as answered, each patient on it audited as read. */
    public ApiResponse listed(ApiRequest request, Page<R> page) {
        audit.readsOf(
                request, page.items().stream().map(WorkflowRecord::helpNumber).toList());
        return ApiResponse.ok(page.map(alone));
    }
}
