package dk.fristed.visits.visit;

import dk.fristed.audit.Actor;
import dk.fristed.audit.AuditTrail;
import dk.fristed.aws.Transactions;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.idempotency.IdempotencyClaim;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.ids.RecordIds;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.patient.Patient;
import dk.fristed.records.visit.Visit;
import dk.fristed.records.visit.VisitItem;
import dk.fristed.visits.patient.PatientRepository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Visits in DynamoDB. Registering a visit reads the patient once (it must exist, and whether this is
 * the first visit depends on the patient's earliest visit) and then writes once, in a transaction
 * whose conditions make a concurrent registration for the same patient retry instead of leaving two
 * "first" visits.
 */
public final class VisitRepository {
    /** Enough for a busy clinic day; contention on one patient's record is rare and short. */
    private static final int ATTEMPTS = 5;

    private static final RandomGenerator RANDOM = new SecureRandom();
    /** The patient exists, is not erased, and was not merged into another record meanwhile. */
    private static final String ACTIVE =
            "attribute_exists(helpNumber) AND attribute_not_exists(erasedAt) AND attribute_not_exists(mergedInto)";

    private final DynamoDbClient dynamo;
    private final DynamoDbTable<VisitItem> table;
    private final String patientsTableName;
    private final AuditTrail audit;
    private final PatientRepository patients;
    private final PendingMoves merges;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    public VisitRepository(
            DynamoDbClient dynamo,
            AuditTrail audit,
            DynamoDbTable<VisitItem> table,
            String patientsTableName,
            PatientRepository patients,
            PendingMoves merges,
            IdempotencyStore idempotency,
            Clock clock) {
        this.dynamo = dynamo;
        this.audit = audit;
        this.table = table;
        this.patientsTableName = patientsTableName;
        this.patients = patients;
        this.merges = merges;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public record Registration(Visit visit, boolean replayed) {}

    public Registration register(NewVisit request, Optional<IdempotencyClaim> claim, Actor actor) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // a merge into this patient whose visits are still moving is completed first: the first visit may be among
            // them
            Patient patient = merges.settled(patients.current(request.helpNumber(), "helpNumber"));
            Optional<LocalDate> firstDate = patient.firstVisitDate();
            boolean first = firstDate.isEmpty() || request.date().isBefore(firstDate.get());
            Visit visit = new Visit(
                    request.helpNumber(),
                    RecordIds.random(),
                    request.site(),
                    request.date(),
                    request.service(),
                    request.interpreterLanguage(),
                    request.diagnoses(),
                    first,
                    clock.instant());

            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName(table.tableName())
                            .item(VisitItem.SCHEMA.itemToMap(VisitItem.of(visit), true))
                            .conditionExpression("attribute_not_exists(visitKey)")
                            .build())
                    .build());
            items.add(first ? becomeFirstVisit(visit, patient.firstVisitKey()) : patientExists(visit.helpNumber()));
            if (first && patient.firstVisitKey().isPresent()) {
                items.add(VisitItem.noLongerFirst(
                        table.tableName(),
                        visit.helpNumber(),
                        patient.firstVisitKey().get()));
            }
            items.add(audit.changeBy(actor, request.helpNumber()));
            claim.ifPresent(
                    c -> items.add(idempotency.claimItem(c, visit.helpNumber().value() + "/" + visit.key())));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                return new Registration(visit, false);
            } catch (TransactionCanceledException e) {
                if (claim.isPresent() && Transactions.conditionFailedAt(e, items.size() - 1)) {
                    return new Registration(replay(idempotency.replay(claim.get())), true);
                }
                boolean patientChanged = Transactions.conditionFailedAt(e, 1);
                if (!patientChanged && !Transactions.conflicted(e)) {
                    throw e;
                }
                // the patient's first visit changed meanwhile, or it vanished: read it again, after a
                // short random pause so that concurrent registrations do not collide again in step
                pause(attempt);
            }
        }
        throw ApiProblem.conflict("the patient's visits changed while this one was registered; retry");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(5L * (attempt + 1) + RANDOM.nextInt(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.conflict("interrupted while retrying; retry");
        }
    }

    private TransactWriteItem becomeFirstVisit(Visit visit, Optional<String> previousFirst) {
        var update = Update.builder()
                .tableName(patientsTableName)
                .key(patientKey(visit.helpNumber()))
                .updateExpression("SET firstVisitKey = :key");
        if (previousFirst.isPresent()) {
            update.conditionExpression("firstVisitKey = :previous AND " + ACTIVE)
                    .expressionAttributeValues(Map.of(
                            ":key",
                            AttributeValue.fromS(visit.key()),
                            ":previous",
                            AttributeValue.fromS(previousFirst.get())));
        } else {
            update.conditionExpression("attribute_not_exists(firstVisitKey) AND " + ACTIVE)
                    .expressionAttributeValues(Map.of(":key", AttributeValue.fromS(visit.key())));
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    private TransactWriteItem patientExists(HelpNumber helpNumber) {
        return TransactWriteItem.builder()
                .conditionCheck(ConditionCheck.builder()
                        .tableName(patientsTableName)
                        .key(patientKey(helpNumber))
                        .conditionExpression(ACTIVE)
                        .build())
                .build();
    }

    private Visit replay(String resourceId) {
        int slash = resourceId.indexOf('/');
        VisitItem item = table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder()
                        .partitionValue(resourceId.substring(0, slash))
                        .sortValue(resourceId.substring(slash + 1))
                        .build())
                .consistentRead(true)
                .build());
        if (item == null) {
            throw ApiProblem.conflict("the visit this request created earlier no longer exists");
        }
        return item.toVisit();
    }

    /**
     * A patient's visits in date order, one query on the table's key, after reading the patient: an old
     * help number answers with its survivor's, and a merge into this patient whose visits are still
     * moving is completed first, so the list is never a part of the picture.
     */
    public Page<Visit> ofPatient(HelpNumber helpNumber, PageRequest page, Cursor cursor) {
        // erased: 410, and the visits are no longer under this number; merged: 410 naming the survivor
        Patient patient = patients.current(helpNumber, "helpNumber");
        merges.settled(patient);
        String scope = "visits-of-patient|" + helpNumber.value();
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(
                        Key.builder().partitionValue(helpNumber.value()).build()))
                .limit(page.limit());
        page.cursor().ifPresent(c -> request.exclusiveStartKey(cursor.decode(c, scope)));
        var result = table.query(request.build()).iterator().next();
        return page(result.items(), result.lastEvaluatedKey(), cursor, scope);
    }

    /** A site's visits from {@code from} to {@code to} inclusive, one query on the BySiteDate index. */
    public Page<Visit> atSite(String site, LocalDate from, LocalDate to, PageRequest page, Cursor cursor) {
        String scope = "visits-at-site|" + site + "|" + from + "|" + to;
        // visitKey is "date#id"; '~' sorts after '#', so the upper bound takes in every visit on `to`
        var range = QueryConditional.sortBetween(
                Key.builder().partitionValue(site).sortValue(from.toString()).build(),
                Key.builder().partitionValue(site).sortValue(to + "~").build());
        var request = QueryEnhancedRequest.builder().queryConditional(range).limit(page.limit());
        page.cursor().ifPresent(c -> request.exclusiveStartKey(cursor.decode(c, scope)));
        DynamoDbIndex<VisitItem> index = table.index(VisitItem.BY_SITE_DATE);
        var result = index.query(request.build()).iterator().next();
        return page(result.items(), result.lastEvaluatedKey(), cursor, scope);
    }

    private static Page<Visit> page(
            List<VisitItem> items, Map<String, AttributeValue> last, Cursor cursor, String scope) {
        return new Page<>(items.stream().map(VisitItem::toVisit).toList(), cursor.after(last, scope));
    }

    private static Map<String, AttributeValue> patientKey(HelpNumber helpNumber) {
        return Map.of("helpNumber", AttributeValue.fromS(helpNumber.value()));
    }
}
