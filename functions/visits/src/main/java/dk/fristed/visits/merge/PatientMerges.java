package dk.fristed.visits.merge;

import dk.fristed.audit.Actor;
import dk.fristed.audit.AuditTrail;
import dk.fristed.aws.Transactions;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.idempotency.IdempotencyClaim;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.patient.MergeLinks;
import dk.fristed.records.patient.Patient;
import dk.fristed.records.patient.PatientItem;
import dk.fristed.records.visit.VisitItem;
import dk.fristed.visits.patient.PatientRepository;
import dk.fristed.visits.visit.PendingMoves;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merging a duplicate patient record into the surviving one, in steps that a crash or timeout can
 * interrupt and that the next request touching the survivor resumes ({@link #complete}):
 * <ol>
 * <li>One transaction is the merge: the duplicate becomes a pointer to the survivor (its personal fields
 * go, or move to the survivor where the coordinator chose them), the survivor takes the earlier first
 * visit and notes that the duplicate's visits are moving, the later of the two first visits stops being
 * first, earlier duplicates of the duplicate point to the survivor, and the audit entries and the
 * idempotency claim are written. Nothing of the merge is visible before it; all of it after.</li>
 * <li>The duplicate's visits move to the survivor, {@value #VISITS_PER_STEP} at a time: each step deletes
 * and puts in one transaction, so a visit is in exactly one place at every moment, never lost or doubled.</li>
 * <li>The survivor's note that visits are moving is removed.</li>
 * </ol>
 * Readers that meet a survivor with visits still moving complete the move first; the report, which only
 * reads, counts a duplicate's visits under the survivor it points to.
 */
public final class PatientMerges implements PendingMoves {
    /** A delete and a put per visit, and the survivor's check: 81 of a transaction's 100 items. */
    static final int VISITS_PER_STEP = 40;
    /** Pointers re-pointed in the merge's own transaction, with an audit entry each; far more than a person collects. */
    static final int MAX_MERGED_RECORDS = 30;
    /** Rounds in a row that another writer got to first before a merge gives up for now (it resumes later). */
    private static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final AuditTrail audit;
    private final PatientRepository patients;
    private final DynamoDbTable<VisitItem> visits;
    private final String patientsTable;

    public PatientMerges(
            DynamoDbClient dynamo,
            AuditTrail audit,
            PatientRepository patients,
            DynamoDbTable<VisitItem> visits,
            String patientsTable) {
        this.dynamo = dynamo;
        this.audit = audit;
        this.patients = patients;
        this.visits = visits;
        this.patientsTable = patientsTable;
    }

    /** The survivor after a merge, and whether an earlier request with the same Idempotency-Key made it. */
    public record Result(Patient survivor, boolean replayed) {}

    /** What is merged: the survivor and the duplicate at the versions the coordinator read, and the fields taken. */
    public record Order(
            HelpNumber survivor,
            long survivorVersion,
            HelpNumber duplicate,
            long duplicateVersion,
            Set<TakenField> taken) {}

    public Result merge(Order order, Optional<IdempotencyClaim> claim, IdempotencyStore idempotency, Actor actor) {
        if (order.survivor().equals(order.duplicate())) {
            throw ApiProblem.badRequest(
                    "duplicate", "must be another record's help number: a record cannot be merged into itself");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Patient survivor = patients.find(order.survivor()).orElse(null);
            Patient duplicate = patients.find(order.duplicate()).orElse(null);
            if (survivor != null
                    && duplicate != null
                    && duplicate.mergedInto().equals(Optional.of(survivor.helpNumber()))
                    && claim.isPresent()
                    && idempotency.earlier(claim.get()).isPresent()) {
                return new Result(
                        settled(survivor), true); // repeated: finish what the first request began, if it did not
            }
            survivor = settled(PatientRepository.usable(Optional.ofNullable(survivor), "helpNumber"));
            duplicate = settled(PatientRepository.usable(Optional.ofNullable(duplicate), "duplicate"));
            if (survivor.version() != order.survivorVersion()) {
                throw ApiProblem.preconditionFailed(
                        "the surviving record was changed since you read it; read it again");
            }
            if (duplicate.version() != order.duplicateVersion()) {
                throw new ApiProblem(
                        412,
                        "Precondition failed",
                        "the duplicate was changed since you read it; read it again",
                        "duplicateVersion");
            }
            Patient merged = merged(survivor, duplicate, order.taken());
            List<TransactWriteItem> items = mergeItems(survivor, merged, duplicate, actor);
            claim.ifPresent(c -> items.add(idempotency.claimItem(
                    c, order.survivor().value() + "/" + order.duplicate().value())));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                return new Result(complete(merged), false);
            } catch (TransactionCanceledException e) {
                if (claim.isPresent() && Transactions.conditionFailedAt(e, items.size() - 1)) {
                    idempotency.replay(claim.get()); // the same request, a moment earlier: 422 if the key was reused
                    return new Result(
                            settled(patients.find(order.survivor()).orElseThrow(PatientRepository::notFound)), true);
                }
                if (!Transactions.anyConditionFailed(e) && !Transactions.conflicted(e)) {
                    throw e;
                }
                // one of the records changed since it was read: the next round answers why, or merges
            }
        }
        throw ApiProblem.conflict("the records changed while they were merged; retry");
    }

    /** The survivor as the merge leaves it: the earlier first visit, the chosen fields, the duplicate's visits moving. */
    private static Patient merged(Patient survivor, Patient duplicate, Set<TakenField> taken) {
        Set<HelpNumber> mergedFrom = new LinkedHashSet<>(survivor.merges().from());
        mergedFrom.add(duplicate.helpNumber());
        mergedFrom.addAll(duplicate.merges().from());
        if (mergedFrom.size() > MAX_MERGED_RECORDS) {
            throw ApiProblem.conflict(
                    "the surviving record would hold more than " + MAX_MERGED_RECORDS + " merged records");
        }
        return new Patient(
                survivor.helpNumber(),
                TakenField.combine(survivor.details(), duplicate.details(), taken),
                survivor.registeredAt(),
                survivor.version() + 1,
                earlier(survivor.firstVisitKey(), duplicate.firstVisitKey()),
                Optional.empty(),
                new MergeLinks(
                        Optional.empty(),
                        List.copyOf(mergedFrom),
                        duplicate
                                .firstVisitKey()
                                .map(d -> duplicate.helpNumber()))); // a duplicate without visits has none to move
    }

    private static Optional<String> earlier(Optional<String> visitKey, Optional<String> other) {
        if (visitKey.isEmpty() || other.isEmpty()) {
            return visitKey.or(() -> other);
        }
        return Optional.of(visitKey.get().compareTo(other.get()) <= 0 ? visitKey.get() : other.get());
    }

    /** The merge's transaction (step 1); the claim is added last by the caller. */
    private List<TransactWriteItem> mergeItems(Patient survivor, Patient merged, Patient duplicate, Actor actor) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(patients.overwrite(survivor, PatientItem.of(merged)));
        items.add(patients.overwrite(duplicate, PatientItem.of(duplicate).mergedInto(survivor.helpNumber())));
        items.add(audit.changeBy(actor, survivor.helpNumber()));
        items.add(audit.changeBy(actor, duplicate.helpNumber()));
        for (HelpNumber pointer : duplicate.merges().from()) {
            Patient old =
                    patients.find(pointer).orElseThrow(() -> new IllegalStateException("a merged record is missing"));
            items.add(patients.atVersion(old, PatientItem.of(old).mergedInto(survivor.helpNumber())));
            items.add(audit.changeBy(actor, pointer));
        }
        if (survivor.firstVisitKey().isPresent() && duplicate.firstVisitKey().isPresent()) {
            // both had a first visit: the later one is first no more
            boolean survivorsIsLater = merged.firstVisitKey().equals(duplicate.firstVisitKey());
            Patient later = survivorsIsLater ? survivor : duplicate;
            items.add(VisitItem.noLongerFirst(
                    visits.tableName(),
                    later.helpNumber(),
                    later.firstVisitKey().get()));
        }
        return items;
    }

    /** The patient, after completing a merge into it whose visits are still moving. */
    @Override
    public Patient settled(Patient patient) {
        return patient.merges().moving().isEmpty() ? patient : complete(patient);
    }

    /**
     * Steps 2 and 3 of a merge into {@code survivor} (as read), from wherever an earlier attempt stopped;
     * nothing to do when no visits are moving. Each step queries what is left, so running it twice, or
     * on two containers at once, moves every visit once. Answers the survivor as it is afterwards.
     */
    private Patient complete(Patient survivor) {
        int refused = 0;
        while (survivor.merges().moving().isPresent()) {
            HelpNumber moving = survivor.merges().moving().get();
            List<VisitItem> left = visits.query(QueryEnhancedRequest.builder()
                            .queryConditional(QueryConditional.keyEqualTo(
                                    Key.builder().partitionValue(moving.value()).build()))
                            .consistentRead(true)
                            .limit(VISITS_PER_STEP)
                            .build())
                    .iterator()
                    .next()
                    .items();
            boolean written = true;
            if (!left.isEmpty()) {
                written = Transactions.writeIfUnchanged(dynamo, moveStep(survivor.helpNumber(), moving, left));
            }
            if (written && left.size() < VISITS_PER_STEP) {
                // the last step: nobody adds visits to a merged record, so none are left
                written = Transactions.writeIfUnchanged(dynamo, List.of(patients.allMoved(survivor)));
                if (written) {
                    return patients.withAllMoved(survivor);
                }
            }
            if (!written) {
                if (++refused == ATTEMPTS) {
                    throw ApiProblem.conflict(
                            "the merge could not be completed now; it resumes with the next visit or its retry");
                }
                survivor = patients.find(survivor.helpNumber()).orElseThrow(PatientRepository::notFound);
            }
        }
        return survivor;
    }

    private List<TransactWriteItem> moveStep(HelpNumber survivor, HelpNumber duplicate, List<VisitItem> left) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (VisitItem visit : left) {
            String key = visit.getVisitKey();
            items.add(TransactWriteItem.builder()
                    .delete(Delete.builder()
                            .tableName(visits.tableName())
                            .key(VisitItem.key(duplicate, key))
                            .conditionExpression("attribute_exists(visitKey)")
                            .build())
                    .build());
            visit.setHelpNumber(survivor.value()); // encrypted and signed again under the survivor's number
            items.add(TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName(visits.tableName())
                            .item(VisitItem.SCHEMA.itemToMap(visit, true))
                            .conditionExpression("attribute_not_exists(visitKey)")
                            .build())
                    .build());
        }
        items.add(TransactWriteItem.builder()
                .conditionCheck(ConditionCheck.builder()
                        .tableName(patientsTable)
                        .key(Map.of("helpNumber", AttributeValue.fromS(survivor.value())))
                        .conditionExpression("mergeMoving = :moving")
                        .expressionAttributeValues(Map.of(":moving", AttributeValue.fromS(duplicate.value())))
                        .build())
                .build());
        return items;
    }
}
