package dk.fristed.visits.merge;

import dk.fristed.audit.Actor;
import dk.fristed.audit.AuditTrail;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.ApiRequest;
import dk.fristed.http.ApiResponse;
import dk.fristed.http.ETags;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.problem.ApiProblem;
import dk.fristed.validation.Fields;
import dk.fristed.visits.patient.PatientResponse;

/** {@code POST /patients/{helpNumber}/merges}: a coordinator merges a duplicate into the record in the path. */
public final class MergeRoutes {
    private final PatientMerges merges;
    private final IdempotencyStore idempotency;
    private final AuditTrail audit;

    public MergeRoutes(PatientMerges merges, IdempotencyStore idempotency, AuditTrail audit) {
        this.merges = merges;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    /**
     * Needs If-Match with the survivor's ETag and {@code duplicateVersion} with the duplicate's, so that
     * neither record changed since the coordinator compared them; answers the survivor as it is now.
     */
    public ApiResponse merge(ApiRequest request) {
        HelpNumber survivor = HelpNumber.parse(request.path("helpNumber"), "helpNumber");
        long survivorVersion = ETags.requireIfMatch(request);
        MergeRequest body = request.bodyAs(MergeRequest.class);
        HelpNumber duplicate = HelpNumber.parse(Fields.required(body.duplicate(), "duplicate"), "duplicate");
        long duplicateVersion = Fields.required(body.duplicateVersion(), "duplicateVersion");
        if (duplicateVersion < 1) {
            throw ApiProblem.badRequest(
                    "duplicateVersion", "must be the duplicate's version as you read it (1 or more)");
        }
        var order = new PatientMerges.Order(
                survivor, survivorVersion, duplicate, duplicateVersion, TakenField.parse(body.takeFromDuplicate()));
        var claim = idempotency.claimFor(request, "/patients/" + survivor.value() + "/merges", body);
        var result = merges.merge(order, claim, idempotency, Actor.of(request));
        ApiResponse response = ApiResponse.ok(PatientResponse.of(result.survivor()))
                .withHeader("ETag", ETags.of(result.survivor().version()));
        return response.replayedIf(result.replayed());
    }
}
