package dk.fristed.workflow;

import dk.fristed.audit.Actor;
import dk.fristed.audit.AuditTrail;
import dk.fristed.aws.Transactions;
import dk.fristed.calendar.Period;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.patientstream.PatientFollowingFunction;
import dk.fristed.problem.ApiProblem;
import dk.fristed.storage.ConditionalWrites;
import dk.fristed.storage.IndexQueries;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A kind of workflow record (a referral, an invoice) and its history, as both are kept: each record
 * under its id, put whole under a version condition (client-side encryption signs whole items), and one
 * history entry per version. Here once: reading, a step at the version the client read (412 when stale,
 * 410 when the patient was erased, a retry when another writer got there first), and following the
 * patient's record through a merge or an erasure. Each function brings only what differs: its records,
 * their states and rules, and what its records hold about the patient ({@link PatientParts}).
 * It is what follows the patient's record from the patients table's stream ({@link PatientFollowingFunction}).
 *
 * @param <R> the record
 * @param <E> its history entry
 */
public final class RecordStore<R extends WorkflowRecord, E> implements PatientFollowingFunction.Records {
    /** Retries after a TransactionConflict, which is another writer on the same item at the same moment. */
    private static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final AuditTrail audit;
    private final StoredAs<R, ?> records;
    private final StoredAs<E, ?> history;
    private final IndexQueries<?, R> indexes;
    private final String byPatientIndex;
    private final String idField;
    private final String noun;
    private final PatientParts<R, E> patient;

    /**
     * @param patient        how a record follows its patient through a merge and an erasure
     * @param byPatientIndex the index on the records' help number (sparse: an unlinked record is not in it)
     * @param idField        the path parameter that names a record ("referralId"), for problems
     * @param noun           what a record is called in problems ("referral")
     */
    public RecordStore(
            DynamoDbClient dynamo,
            AuditTrail audit,
            StoredAs<R, ?> records,
            StoredAs<E, ?> history,
            String byPatientIndex,
            String idField,
            String noun,
            PatientParts<R, E> patient) {
        this.dynamo = dynamo;
        this.patient = patient;
        this.audit = audit;
        this.records = records;
        this.history = history;
        this.indexes = records.indexes();
        this.byPatientIndex = byPatientIndex;
        this.idField = idField;
        this.noun = noun;
    }

    /** A step decided from the record as read: the record after it, and the history entry of its new version. */
    public record Step<R, E>(R after, E entry) {}

    /**
     * How a record follows its patient: moved to the survivor of a merge ({@code movedTo}), and what it holds
     * about the patient, which erasure removes.
     */
    public record PatientParts<R, E>(
            BiFunction<R, HelpNumber, R> movedTo,
            Erase<R> erase,
            Function<R, List<TransactWriteItem>> alsoRemoved,
            java.util.function.Predicate<E> holdsPersonalText,
            java.util.function.UnaryOperator<E> withoutIt) {}

    /** The record as erasure leaves it; {@code at} is when the patient was erased. */
    @FunctionalInterface
    public interface Erase<R> {
        R erased(R record, Instant at);
    }

    public Optional<R> find(String id) {
        return records.get(id);
    }

    public R require(String id) {
        return find(id).orElseThrow(this::notFound);
    }

    /** A record's history, oldest first: one query on the history table's key (a record has a handful of steps). */
    public List<E> historyOf(String id) {
        return history.under(id);
    }

    /**
     * Moves the record by the step {@code decide} makes of it, if it is still at {@code expectedVersion}
     * (412 otherwise), in one transaction with the history entry and {@code actor}'s audit entry; read
     * again and retried when another writer came in between.
     */
    public R step(String id, long expectedVersion, Function<R, Step<R, E>> decide, Actor actor) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            R current = require(id);
            if (current.erasedAt().isPresent()) {
                // nothing more is written about a patient who asked to be erased, not even a note
                throw ApiProblem.gone(
                        idField, "this " + noun + "'s patient was erased on request; it takes no more steps");
            }
            if (current.version() != expectedVersion) {
                throw stale();
            }
            Step<R, E> step = decide.apply(current);
            List<TransactWriteItem> items = List.of(
                    putOver(step.after(), current.version()),
                    putNewHistory(step.entry()),
                    audit.changeBy(actor, current.helpNumber()));
            if (Transactions.writeStep(dynamo, items, this::stale)) {
                return step.after();
            }
        }
        throw ApiProblem.conflict("the " + noun + " changed while it was saved; retry");
    }

    /**
     * A merge reaching these records: each record under the old help number moves to the survivor's,
     * with {@code actor}'s audit entry under the survivor; run twice, it finds none left to move. Returns
     * how many it moved.
     */
    @Override
    public int movePatient(HelpNumber from, HelpNumber to, Actor actor) {
        int changed = 0;
        for (R record : ofPatient(from)) {
            if (Transactions.writeFromFreshRead(dynamo, ATTEMPTS, () -> {
                R current = require(record.id());
                return current.helpNumber().equals(from)
                        ? List.of(
                                putOver(patient.movedTo().apply(current, to), current.version()),
                                audit.changeBy(actor, to))
                        : List.of();
            })) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * An erasure reaching these records: each record still under the help number is erased and unlinked
     * ({@link PatientParts}), and every history entry's personal text removed, in a transaction per record with
     * its audit entry. Unlinked records leave the index by patient, so erasing again finds nothing.
     * Returns how many records it changed.
     */
    @Override
    public int erasePatient(HelpNumber helpNumber, Instant at, Actor actor) {
        int changed = 0;
        for (R record : ofPatient(helpNumber)) {
            if (Transactions.writeFromFreshRead(dynamo, ATTEMPTS, () -> {
                R current = require(record.id());
                List<TransactWriteItem> items = new ArrayList<>();
                // still under the patient's number: never erased, or erased before erasure unlinked
                if (!current.helpNumber().equals(HelpNumber.UNLINKED)) {
                    items.add(putOver(
                            patient.erase().erased(current, current.erasedAt().orElse(at)), current.version()));
                    items.addAll(patient.alsoRemoved().apply(current));
                }
                for (E entry : historyOf(current.id())) {
                    if (patient.holdsPersonalText().test(entry)) {
                        items.add(putHistory(patient.withoutIt().apply(entry), "attribute_exists(version)"));
                    }
                }
                if (!items.isEmpty()) {
                    items.add(audit.changeBy(
                            actor, helpNumber)); // a handful of steps: well within a transaction's 100 items
                }
                return items;
            })) {
                changed++;
            }
        }
        return changed;
    }

    /** A patient's records, newest first: one query on the index by patient. */
    public Page<R> ofPatient(HelpNumber helpNumber, PageRequest page, Cursor cursor) {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(helpNumber.value())))
                .scanIndexForward(false);
        return indexes.page(byPatientIndex, request, page, cursor, noun + "s-of-patient|" + helpNumber.value());
    }

    /** A site's records of a period by date, optionally in one state: one query on {@code bySiteIndex}. */
    public Page<R> atSite(
            String bySiteIndex,
            String site,
            Period period,
            Optional<? extends Enum<?>> state,
            PageRequest page,
            Cursor cursor) {
        String scope = noun + "s-at-site|" + site + "|" + period.from() + "|" + period.to() + "|"
                + state.map(Enum::name).orElse("");
        var request = QueryEnhancedRequest.builder().queryConditional(IndexQueries.datedIn(site, period));
        state.ifPresent(s -> request.filterExpression(Expression.builder()
                .expression("#state = :state")
                .putExpressionName("#state", "state")
                .putExpressionValue(":state", AttributeValue.fromS(s.name()))
                .build()));
        return indexes.page(bySiteIndex, request, page, cursor, scope);
    }

    private List<R> ofPatient(HelpNumber helpNumber) {
        return indexes.all(byPatientIndex, QueryConditional.keyEqualTo(IndexQueries.key(helpNumber.value())));
    }

    public TransactWriteItem put(R record, String condition) {
        return ConditionalWrites.put(records.tableName(), records.item(record), condition);
    }

    public TransactWriteItem putIf(R record, String condition, long version) {
        return ConditionalWrites.putIf(records.tableName(), records.item(record), condition, version);
    }

    public TransactWriteItem putOver(R record, long expectedVersion) {
        return ConditionalWrites.putAtVersion(records.tableName(), records.item(record), expectedVersion);
    }

    /** The entry of a new version: written once. */
    public TransactWriteItem putNewHistory(E entry) {
        return putHistory(entry, "attribute_not_exists(version)");
    }

    private TransactWriteItem putHistory(E entry, String condition) {
        return ConditionalWrites.put(history.tableName(), history.item(entry), condition);
    }

    public ApiProblem notFound() {
        return ApiProblem.notFound(idField, "no " + noun + " has this id");
    }

    private ApiProblem stale() {
        return ApiProblem.preconditionFailed("the " + noun + " was changed since you read it; read it again");
    }
}
