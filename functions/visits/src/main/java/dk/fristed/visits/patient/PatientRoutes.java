package dk.fristed.visits.patient;

import dk.fristed.audit.Actor;
import dk.fristed.audit.AuditTrail;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.ApiRequest;
import dk.fristed.http.ApiResponse;
import dk.fristed.http.ETags;
import dk.fristed.idempotency.IdempotencyClaim;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.patient.Patient;
import dk.fristed.records.patient.PatientDetails;
import dk.fristed.records.patient.Sex;
import dk.fristed.validation.Fields;

import java.time.Clock;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The patient routes: each method parses, calls the repository and answers. */
public final class PatientRoutes {
    private final PatientRepository patients;
    private final Eraser eraser;
    private final IdempotencyStore idempotency;
    private final AuditTrail audit;
    private final Cursor cursor;
    private final Clock clock;

    /** Erases a patient and moves what the statistics keep away from their number (the merge package does it). */
    public interface Eraser {
        void erase(HelpNumber helpNumber, Actor actor);
    }

    public PatientRoutes(
            PatientRepository patients,
            Eraser eraser,
            IdempotencyStore idempotency,
            AuditTrail audit,
            Cursor cursor,
            Clock clock) {
        this.patients = patients;
        this.eraser = eraser;
        this.idempotency = idempotency;
        this.audit = audit;
        this.cursor = cursor;
        this.clock = clock;
    }

    /** {@code POST /patients}: registers a patient and issues a help number. */
    public ApiResponse register(ApiRequest request) {
        return register(request, patients::register);
    }

    /**
     * For SnapStart priming: {@link #register}'s whole path for a made-up request, up to the response,
     * with the repository's rehearsal instead of its write: nothing is written.
     */
    public ApiResponse rehearseRegistration(ApiRequest request) {
        return register(request, patients::rehearseRegistration);
    }

    /** What writes the registration: the repository's {@code register} or its rehearsal. */
    private interface Registrar {
        PatientRepository.Registration register(PatientDetails details, Optional<IdempotencyClaim> claim, Actor actor);
    }

    private ApiResponse register(ApiRequest request, Registrar registrar) {
        PatientRequest body = request.bodyAs(PatientRequest.class);
        PatientDetails details = body.details(Year.now(clock));
        var claim = idempotency.claimFor(request, "/patients", body);
        var registration = registrar.register(details, claim, Actor.of(request));
        Patient patient = registration.patient();
        ApiResponse response = ApiResponse.created(
                        "/patients/" + patient.helpNumber().formatted(), PatientResponse.of(patient))
                .withHeader("ETag", ETags.of(patient.version()));
        return response.replayedIf(registration.replayed());
    }

    /** {@code GET /patients/{helpNumber}}: a mistyped number is answered before the database is asked. */
    public ApiResponse get(ApiRequest request) {
        HelpNumber helpNumber = HelpNumber.parse(request.path("helpNumber"), "helpNumber");
        Patient patient = patients.current(helpNumber, "helpNumber");
        audit.readsOf(request, List.of(helpNumber));
        return ApiResponse.ok(PatientResponse.of(patient)).withHeader("ETag", ETags.of(patient.version()));
    }

    /** {@code PUT /patients/{helpNumber}}: corrects a patient's details; needs If-Match with the ETag read. */
    public ApiResponse replace(ApiRequest request) {
        HelpNumber helpNumber = HelpNumber.parse(request.path("helpNumber"), "helpNumber");
        long expected = ETags.requireIfMatch(request);
        PatientDetails details = request.bodyAs(PatientRequest.class).details(Year.now(clock));
        Patient patient = patients.replace(helpNumber, details, expected, Actor.of(request));
        return ApiResponse.ok(PatientResponse.of(patient)).withHeader("ETag", ETags.of(patient.version()));
    }

    /** {@code DELETE /patients/{helpNumber}}: erasure on the patient's request (admin). */
    public ApiResponse erase(ApiRequest request) {
        HelpNumber helpNumber = HelpNumber.parse(request.path("helpNumber"), "helpNumber");
        eraser.erase(helpNumber, Actor.of(request));
        return ApiResponse.noContent();
    }

    /**
     * {@code GET /patients?birthYear=&sex=&nationality=&name=}: possible duplicates to check before
     * registering someone new. Looks in one cohort (same birth year, sex and nationality) and orders
     * candidates by how well their name matches; names themselves are never listed.
     */
    public ApiResponse searchDuplicates(ApiRequest request) {
        int birthYear;
        try {
            birthYear = Integer.parseInt(request.requireQuery("birthYear"));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("birthYear", "must be a year");
        }
        Sex sex = Fields.oneOf(Sex.class, request.requireQuery("sex"), "sex");
        String nationality = Fields.country(request.requireQuery("nationality"), "nationality");
        Optional<String> name =
                Fields.optionalText(request.query("name").orElse(null), "name", PatientRequest.MAX_NAME);
        Page<Patient> page = patients.inCohort(
                PatientDetails.cohort(birthYear, sex, nationality), PageRequest.from(request), cursor);
        audit.readsOf(request, page.items().stream().map(Patient::helpNumber).toList());
        record Scored(Patient patient, NameSimilarity.Match match) {}
        List<DuplicateCandidate> candidates = page.items().stream()
                .map(p -> new Scored(p, NameSimilarity.compare(name, p.details().name())))
                .sorted(Comparator.comparing(Scored::match)) // EXACT, SIMILAR, DIFFERENT, UNKNOWN
                .map(scored -> DuplicateCandidate.of(scored.patient(), scored.match()))
                .toList();
        return ApiResponse.ok(new Page<>(candidates, page.nextCursor()));
    }
}
