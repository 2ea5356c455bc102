package dk.fristed.visits.patient;

import dk.fristed.audit.Actor;
import dk.fristed.audit.AuditTrail;
import dk.fristed.aws.Transactions;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.idempotency.IdempotencyClaim;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.patient.MergeLinks;
import dk.fristed.records.patient.Patient;
import dk.fristed.records.patient.PatientDetails;
import dk.fristed.records.patient.PatientItem;
import dk.fristed.storage.ConditionalWrites;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Patients in DynamoDB. Every write is one transaction with its audit entry; uniqueness and versions
 * are conditions, not reads.
 */
public final class PatientRepository {
    /** With 29^7 possible numbers a collision is rare; five tries make a failure practically impossible. */
    private static final int HELP_NUMBER_ATTEMPTS = 5;
    /** A replace or erasure reads and puts back; a visit registered in between makes it read again. */
    private static final int WRITE_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final DynamoDbTable<PatientItem> table;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final AuditTrail audit;
    private final Supplier<HelpNumber> helpNumbers;

    public PatientRepository(
            DynamoDbClient dynamo,
            AuditTrail audit,
            DynamoDbTable<PatientItem> table,
            IdempotencyStore idempotency,
            Clock clock,
            Supplier<HelpNumber> helpNumbers) {
        this.dynamo = dynamo;
        this.audit = audit;
        this.table = table;
        this.idempotency = idempotency;
        this.clock = clock;
        this.helpNumbers = helpNumbers;
    }

    /** The result of a create: the patient, and whether it was created earlier by the same idempotent request. */
    public record Registration(Patient patient, boolean replayed) {}

    /**
     * Registers a patient under a new help number. The put is conditional on the number being
     * unused, so two registrations can never share one, even on two containers at the same instant.
     */
    public Registration register(PatientDetails details, Optional<IdempotencyClaim> claim, Actor actor) {
        for (int attempt = 0; attempt < HELP_NUMBER_ATTEMPTS; attempt++) {
            Patient patient =
                    new Patient(helpNumbers.get(), details, clock.instant(), 1, Optional.empty(), Optional.empty());
            List<TransactWriteItem> items = registration(patient, "attribute_not_exists(helpNumber)", claim, actor);
            try {
                dynamo.transactWriteItems(request -> request.transactItems(items));
                return new Registration(patient, false);
            } catch (TransactionCanceledException e) {
                if (claim.isPresent() && Transactions.conditionFailedAt(e, items.size() - 1)) {
                    String first = idempotency.replay(claim.get());
                    return new Registration(
                            find(new HelpNumber(first))
                                    .orElseThrow(() -> ApiProblem.conflict(
                                            "the patient this request created earlier no longer exists")),
                            true);
                }
                if (!Transactions.conditionFailedAt(e, 0) && !Transactions.conflicted(e)) {
                    throw e;
                }
                // the help number was taken (or raced): draw another
            }
        }
        throw new IllegalStateException("no unused help number after " + HELP_NUMBER_ATTEMPTS + " attempts");
    }

    /**
     * For SnapStart priming: {@link #register}'s whole write path (item mapping, encryption, the audit
     * entry, the idempotency claim, the transaction and its cancellation) for a made-up patient, under a
     * condition that cannot hold, so DynamoDB cancels the transaction and nothing is written.
     */
    public Registration rehearseRegistration(PatientDetails details, Optional<IdempotencyClaim> claim, Actor actor) {
        Patient nobody =
                new Patient(HelpNumber.random(), details, clock.instant(), 1, Optional.empty(), Optional.empty());
        var items =
                registration(nobody, "attribute_exists(helpNumber) AND attribute_not_exists(helpNumber)", claim, actor);
        Transactions.rehearse(dynamo, items);
        return new Registration(nobody, false);
    }

    /** A registration's transaction: the patient under {@code condition}, its audit entry, the request's claim. */
    private List<TransactWriteItem> registration(
            Patient patient, String condition, Optional<IdempotencyClaim> claim, Actor actor) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table.tableName())
                        .item(PatientItem.SCHEMA.itemToMap(PatientItem.of(patient), true))
                        .conditionExpression(condition)
                        .build())
                .build());
        items.add(audit.changeBy(actor, patient.helpNumber()));
        claim.ifPresent(
                c -> items.add(idempotency.claimItem(c, patient.helpNumber().value())));
        return items;
    }

    public Optional<Patient> find(HelpNumber helpNumber) {
        PatientItem item = table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(helpNumber.value()).build())
                .consistentRead(true)
                .build());
        return Optional.ofNullable(item).map(PatientItem::toPatient);
    }

    /**
     * Replaces the patient's details if the stored version is still {@code expectedVersion}, in one
     * transaction with its audit entry. Client-side encryption signs whole items, so the item is read
     * and put back whole; the put's conditions make sure nothing changed in between, including the
     * first-visit mark that visit registration sets without a new version (then it reads again).
     */
    public Patient replace(HelpNumber helpNumber, PatientDetails details, long expectedVersion, Actor actor) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Patient current = current(helpNumber, "helpNumber");
            if (current.version() != expectedVersion) {
                throw ApiProblem.preconditionFailed("the patient was changed since you read it; read it again");
            }
            Patient changed = new Patient(
                    helpNumber,
                    details,
                    current.registeredAt(),
                    expectedVersion + 1,
                    current.firstVisitKey(),
                    Optional.empty(),
                    current.merges());
            if (Transactions.writeUnlessMoved(
                    dynamo, List.of(overwrite(current, PatientItem.of(changed)), audit.changeBy(actor, helpNumber)))) {
                return changed;
            }
        }
        throw ApiProblem.conflict("the patient's record changed while it was saved; retry");
    }

    /**
     * Step 1 of erasing a patient on request ({@code PatientErasure} runs the rest), in one transaction
     * with the audit entries: the record becomes a tombstone that keeps only its number, and what the
     * statistics need (birth year, sex, nationality, the first visit) goes to a new record under a random
     * number nobody was given, erased too, which the visits then move to. The tombstone points to it
     * until they have moved. Records merged into this one earlier become tombstones as well. Returns the
     * record the visits must move to: the new one, or the one an erasure that stopped half way left.
     * Erasing twice changes nothing more, but is audited too.
     */
    public Optional<Patient> erase(HelpNumber helpNumber, Actor actor) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Patient current = find(helpNumber).orElseThrow(PatientRepository::notFound);
            if (current.erased()) {
                dynamo.transactWriteItems(request -> request.transactItems(audit.changeBy(actor, helpNumber)));
                // a survivor lists the duplicates merged into it; the statistical record lists none
                return current.mergedInto()
                        .flatMap(this::find)
                        .filter(into -> into.erased() && !into.merges().from().contains(helpNumber));
            }
            current.mergedInto().ifPresent(survivor -> {
                throw merged("helpNumber", survivor);
            });
            Instant at = clock.instant();
            PatientDetails d = current.details();
            Patient statistics = new Patient(
                    HelpNumber.random(),
                    new PatientDetails(
                            d.birthYear(),
                            d.sex(),
                            d.nationality(),
                            List.of(),
                            false,
                            Optional.empty(),
                            Optional.empty()),
                    current.registeredAt(),
                    1,
                    current.firstVisitKey(),
                    Optional.of(at),
                    new MergeLinks(Optional.empty(), List.of(), Optional.of(helpNumber)));
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName(table.tableName())
                            .item(PatientItem.SCHEMA.itemToMap(PatientItem.of(statistics), true))
                            .conditionExpression("attribute_not_exists(helpNumber)")
                            .build())
                    .build());
            items.add(overwrite(
                    current,
                    PatientItem.tombstone(
                            helpNumber, at, current.version() + 1, Optional.of(statistics.helpNumber()))));
            items.add(audit.changeBy(actor, helpNumber));
            for (HelpNumber merged : current.merges().from()) {
                Patient pointer =
                        find(merged).orElseThrow(() -> new IllegalStateException("a merged record is missing"));
                if (!pointer.erased()) {
                    items.add(atVersion(
                            pointer, PatientItem.tombstone(merged, at, pointer.version() + 1, pointer.mergedInto())));
                    items.add(audit.changeBy(actor, merged));
                }
            }
            if (Transactions.writeIfUnchanged(dynamo, items)) {
                return Optional.of(statistics);
            }
        }
        throw ApiProblem.conflict("the patient's record changed while it was erased; retry");
    }

    /** The last step of an erasure: once the visits have moved, the tombstone no longer points to their record. */
    public void closeErasure(HelpNumber helpNumber, HelpNumber statistics) {
        Patient tombstone = find(helpNumber).orElseThrow(PatientRepository::notFound);
        if (tombstone.mergedInto().equals(Optional.of(statistics))) {
            Instant at = tombstone.erasedAt().orElseThrow();
            Transactions.writeIfUnchanged(
                    dynamo,
                    List.of(atVersion(
                            tombstone,
                            PatientItem.tombstone(helpNumber, at, tombstone.version() + 1, Optional.empty()))));
        }
    }

    /**
     * The patient a route shows or changes: 404 if nobody has the number, 410 if erased, 410 naming the
     * survivor if the record was merged into another.
     */
    public Patient current(HelpNumber helpNumber, String field) {
        return usable(find(helpNumber), field);
    }

    /** {@link #current}'s checks of a record already read: a merge reads both of its records first. */
    public static Patient usable(Optional<Patient> found, String field) {
        Patient patient = found.orElseThrow(() -> ApiProblem.notFound(field, "no patient has this help number"));
        if (patient.erased()) {
            throw ApiProblem.gone(field, "this patient's record was erased on request");
        }
        patient.mergedInto().ifPresent(survivor -> {
            throw merged(field, survivor);
        });
        return patient;
    }

    public static ApiProblem merged(String field, HelpNumber survivor) {
        return ApiProblem.merged(field, survivor.formatted());
    }

    /**
     * {@code item} put in place of {@code current}, on condition that nothing changed in between: its
     * version, erasure, merge pointers, and the first-visit mark that visit registration sets without a
     * new version.
     */
    public TransactWriteItem overwrite(Patient current, PatientItem item) {
        Map<String, AttributeValue> bound = new HashMap<>();
        bound.put(":version", AttributeValue.fromN(Long.toString(current.version())));
        String condition =
                "version = :version AND attribute_not_exists(erasedAt) AND attribute_not_exists(mergedInto) AND "
                        + equalOrAbsent("firstVisitKey", current.firstVisitKey(), bound) + " AND "
                        + equalOrAbsent("mergeMoving", current.merges().moving().map(HelpNumber::value), bound);
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table.tableName())
                        .item(PatientItem.SCHEMA.itemToMap(item, true))
                        .conditionExpression(condition)
                        .expressionAttributeValues(bound)
                        .build())
                .build();
    }

    /**
     * A survivor whose merged visits have all moved, put back without the note that they are moving, at
     * the same version: nothing a client reads changed. Erased or not, as long as nothing else changed.
     */
    public TransactWriteItem allMoved(Patient survivor) {
        Map<String, AttributeValue> bound = new HashMap<>();
        bound.put(":version", AttributeValue.fromN(Long.toString(survivor.version())));
        String condition = "version = :version AND "
                + equalOrAbsent("mergeMoving", survivor.merges().moving().map(HelpNumber::value), bound) + " AND "
                + equalOrAbsent("firstVisitKey", survivor.firstVisitKey(), bound);
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table.tableName())
                        .item(PatientItem.SCHEMA.itemToMap(PatientItem.of(withAllMoved(survivor)), true))
                        .conditionExpression(condition)
                        .expressionAttributeValues(bound)
                        .build())
                .build();
    }

    /** The survivor as {@link #allMoved} leaves it. */
    public Patient withAllMoved(Patient survivor) {
        return new Patient(
                survivor.helpNumber(),
                survivor.details(),
                survivor.registeredAt(),
                survivor.version(),
                survivor.firstVisitKey(),
                survivor.erasedAt(),
                survivor.merges().moved());
    }

    /** {@code item} put in place of a record still at the version read (a merged one: only merges change it). */
    public TransactWriteItem atVersion(Patient current, PatientItem item) {
        return ConditionalWrites.putAtVersion(
                table.tableName(), PatientItem.SCHEMA.itemToMap(item, true), current.version());
    }

    private static String equalOrAbsent(String attribute, Optional<String> value, Map<String, AttributeValue> bound) {
        if (value.isEmpty()) {
            return "attribute_not_exists(" + attribute + ")";
        }
        bound.put(":" + attribute, AttributeValue.fromS(value.get()));
        return attribute + " = :" + attribute;
    }

    /** Patients with the same birth year, sex and nationality: one query on the ByCohort index. */
    public Page<Patient> inCohort(String cohort, PageRequest page, Cursor cursor) {
        String scope = "patients-by-cohort|" + cohort;
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(
                        Key.builder().partitionValue(cohort).build()))
                .limit(page.limit());
        page.cursor().ifPresent(c -> request.exclusiveStartKey(cursor.decode(c, scope)));
        var result = table.index(PatientItem.BY_COHORT)
                .query(request.build())
                .iterator()
                .next();
        List<Patient> patients =
                result.items().stream().map(PatientItem::toPatient).toList();
        return new Page<>(patients, cursor.after(result.lastEvaluatedKey(), scope));
    }

    public static ApiProblem notFound() {
        return ApiProblem.notFound("helpNumber", "no patient has this help number");
    }
}
