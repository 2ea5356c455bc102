package dk.fristed.referrals.referral;

import dk.fristed.auth.Caller;
import dk.fristed.aws.Transactions;
import dk.fristed.calendar.Period;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.ApiProblem;
import dk.fristed.idempotency.IdempotencyClaim;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.storage.ConditionalWrites;
import dk.fristed.storage.IndexQueries;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Referrals and their history in DynamoDB. Every change is one transaction: the referral put whole
 * under a version condition (client-side encryption signs whole items), the history entry of the
 * version it creates, the audit entry, and on creation the idempotency claim and a check that the
 * patient exists and is not erased.
 */
public final class ReferralRepository {
    /** Retries after a TransactionConflict, which is another writer on the same item at the same moment. */
    private static final int ATTEMPTS = 5;
    /** Where a creation's transaction checks the patient; what refers again follows it, the claim comes last. */
    private static final int PATIENT_CHECK = 2;

    private final DynamoDbClient dynamo;
    private final DynamoDbTable<ReferralItem> referrals;
    private final IndexQueries<ReferralItem, Referral> indexes;
    private final DynamoDbTable<HistoryItem> history;
    private final String patientsTableName;
    private final Clock clock;

    public ReferralRepository(DynamoDbClient dynamo, DynamoDbTable<ReferralItem> referrals, DynamoDbTable<HistoryItem> history,
                              String patientsTableName, Clock clock) {
        this.dynamo = dynamo;
        this.referrals = referrals;
        this.indexes = new IndexQueries<>(referrals, ReferralItem::toReferral);
        this.history = history;
        this.patientsTableName = patientsTableName;
        this.clock = clock;
    }

    public record Creation(Referral referral, boolean replayed) {
    }

    /**
     * A drafted referral; one that {@code replaces} a rejected referral moves that one to referred_again
     * in the same transaction. The idempotency store is the route's: only creation claims keys.
     */
    public Creation create(NewReferral request, Caller caller, Optional<IdempotencyClaim> claim, IdempotencyStore idempotency,
                           TransactWriteItem auditEntry) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Referral> replaced = request.replaces().map(id -> replaceable(id, request.helpNumber()));
            Referral referral = request.drafted(caller, clock.instant());
            List<TransactWriteItem> referringAgain = replaced.map(old -> referAgain(old, referral, caller)).orElse(List.of());
            List<TransactWriteItem> items = creation(referral, "attribute_not_exists(referralId)", referringAgain, caller, auditEntry,
                    claim.map(c -> idempotency.claimItem(c, referral.id())));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                return new Creation(referral, false);
            } catch (TransactionCanceledException e) {
                if (claim.isPresent() && Transactions.conditionFailedAt(e, items.size() - 1)) {
                    String first = idempotency.replay(claim.get());
                    return new Creation(find(first).orElseThrow(
                            () -> ApiProblem.conflict("the referral this request created earlier no longer exists")), true);
                }
                if (Transactions.conditionFailedAt(e, PATIENT_CHECK)) {
                    throw ApiProblem.notFound("helpNumber", "no patient has this help number, or the record was erased or merged into another (look the number up)");
                }
                if (!Transactions.conflicted(e) && !(replaced.isPresent() && Transactions.conditionFailedAt(e, PATIENT_CHECK + 1))) {
                    throw e;
                }
                // another writer on the same items, or the rejected referral moved meanwhile: read again
            }
        }
        throw ApiProblem.conflict("the referral's records changed while it was saved; retry");
    }

    /**
     * For SnapStart priming: {@link #create}'s whole write path (item mapping, encryption of the referral
     * and its history entry, the patient check, the audit entry, the claim, the transaction and its
     * cancellation) under a condition that cannot hold, so DynamoDB cancels it and nothing is written.
     */
    public Referral rehearseCreate(NewReferral request, Caller caller, Optional<IdempotencyClaim> claim, IdempotencyStore idempotency,
                                   TransactWriteItem auditEntry) {
        Referral nobody = request.drafted(caller, clock.instant());
        var items = creation(nobody, "attribute_exists(referralId) AND attribute_not_exists(referralId)", List.of(), caller, auditEntry,
                claim.map(c -> idempotency.claimItem(c, nobody.id())));
        Transactions.rehearse(dynamo, items);
        return nobody;
    }

    /** A creation's transaction: the referral under {@code condition}, its first history entry, the patient check, ... */
    private List<TransactWriteItem> creation(Referral referral, String condition, List<TransactWriteItem> referringAgain, Caller caller,
                                             TransactWriteItem auditEntry, Optional<TransactWriteItem> claim) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(referral, condition));
        items.add(putHistory(entry(referral, Optional.empty(), Optional.empty(), Optional.empty(), caller)));
        items.add(ConditionalWrites.patientIsActive(patientsTableName, referral.helpNumber()));
        items.addAll(referringAgain);
        items.add(auditEntry);
        claim.ifPresent(items::add);
        return items;
    }

    /** The rejected referral, moved to referred_again and naming the new one, and its history entry. */
    private List<TransactWriteItem> referAgain(Referral old, Referral replacement, Caller caller) {
        Referral moved = old.moved(ReferralWorkflow.next(old.state(), Action.REFER_AGAIN), replacement.date(),
                old.outcome().replacedBy(replacement.id()));
        return List.of(putOver(moved, old.version()),
                putHistory(entry(moved, Optional.of(old.state()), Optional.of(Action.REFER_AGAIN), Optional.empty(), caller)));
    }

    private Referral replaceable(String id, HelpNumber patient) {
        Referral old = find(id).orElseThrow(() -> ApiProblem.notFound("replaces", "no referral has this id"));
        if (!old.helpNumber().equals(patient)) {
            throw ApiProblem.badRequest("replaces", "names a referral of another patient");
        }
        ReferralWorkflow.next(old.state(), Action.REFER_AGAIN); // 409 unless it was rejected
        return old;
    }

    /**
     * Moves the referral by the transition {@code parse} makes of it (its dates are checked against the
     * referral's) if it is still at {@code expectedVersion}; 412 otherwise.
     */
    public Referral transition(String id, long expectedVersion, Function<Referral, Transition> parse, Caller caller,
                               Function<HelpNumber, TransactWriteItem> auditEntry) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Referral current = find(id).orElseThrow(ReferralRepository::notFound);
            if (current.erasedAt().isPresent()) {
                // nothing more is written about a patient who asked to be erased, not even a note
                throw ApiProblem.gone("referralId", "this referral's patient was erased on request; it takes no more steps");
            }
            if (current.version() != expectedVersion) {
                throw stale();
            }
            Transition transition = parse.apply(current);
            ReferralState next = ReferralWorkflow.next(current.state(), transition.action());
            Referral moved = current.moved(next, transition.date(), transition.record(current.outcome()));
            HistoryEntry entry = entry(moved, Optional.of(current.state()), Optional.of(transition.action()), Optional.of(transition),
                    caller);
            List<TransactWriteItem> items = List.of(putOver(moved, current.version()), putHistory(entry),
                    auditEntry.apply(current.helpNumber()));
            if (Transactions.writeStep(dynamo, items, ReferralRepository::stale)) {
                return moved;
            }
        }
        throw ApiProblem.conflict("the referral changed while it was saved; retry");
    }

    /**
     * Flags a referral for follow-up with its audit entry, unless it moved since it was read or is
     * flagged already; true if it flagged it.
     */
    public boolean flagForFollowUp(Referral referral, LocalDate today, TransactWriteItem auditEntry) {
        var flag = putIf(referral.needingFollowUp(today), "version = :version AND attribute_not_exists(followUp)", referral.version());
        // false: moved or flagged meanwhile, and tomorrow's run looks again
        return Transactions.writeUnlessMoved(dynamo, List.of(flag, auditEntry));
    }

    /**
     * A merge reaching the referrals: a patient's record merged into another arrives from the patients
     * table's stream, and each referral under the old help number moves to the survivor's, with an audit
     * entry; run twice, it finds none left to move.
     */
    public int movePatient(HelpNumber from, HelpNumber to, Supplier<TransactWriteItem> auditEntry) {
        int changed = 0;
        for (Referral referral : indexes.all(ReferralItem.BY_PATIENT, QueryConditional.keyEqualTo(IndexQueries.key(from.value())))) {
            if (Transactions.writeFromFreshRead(dynamo, ATTEMPTS, () -> {
                Referral current = find(referral.id()).orElseThrow(ReferralRepository::notFound);
                return current.helpNumber().equals(from)
                        ? List.of(putOver(current.mergedInto(to), current.version()), auditEntry.get())
                        : List.of();
            })) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Erases a patient's personal parts from every referral of theirs and unlinks it from them
     * ({@link Referral#erased}), and each history entry's note. The referral's version
     * moves on, so that a transition that read it before cannot put the text back (it gets 412).
     * Erasing again finds nothing left to erase. Each referral changed is audited in its own transaction.
     * Returns how many referrals it changed.
     */
    public int erasePatient(HelpNumber helpNumber, Instant at, Supplier<TransactWriteItem> auditEntry) {
        int changed = 0;
        for (Referral referral : indexes.all(ReferralItem.BY_PATIENT, QueryConditional.keyEqualTo(IndexQueries.key(helpNumber.value())))) {
            if (eraseReferral(referral.id(), at, auditEntry)) {
                changed++;
            }
        }
        return changed;
    }

    private boolean eraseReferral(String id, Instant at, Supplier<TransactWriteItem> auditEntry) {
        return Transactions.writeFromFreshRead(dynamo, ATTEMPTS, () -> {
            Referral current = find(id).orElseThrow(ReferralRepository::notFound);
            List<TransactWriteItem> items = new ArrayList<>();
            // still under the patient's number: never erased, or erased before erasure unlinked
            if (!current.helpNumber().equals(HelpNumber.UNLINKED)) {
                items.add(putOver(current.erased(current.erasedAt().orElse(at)), current.version()));
            }
            for (HistoryEntry entry : historyOf(id)) {
                if (entry.note().isPresent()) {
                    items.add(putHistory(entry.withoutNote(), "attribute_exists(version)"));
                }
            }
            if (!items.isEmpty()) {
                items.add(auditEntry.get()); // one entry per referral changed; a handful of steps: well within 100 items
            }
            return items;
        });
    }

    public Optional<Referral> find(String id) {
        ReferralItem item = referrals.getItem(GetItemEnhancedRequest.builder()
                .key(IndexQueries.key(id)).consistentRead(true).build());
        return Optional.ofNullable(item).map(ReferralItem::toReferral);
    }

    /** A referral's history, oldest first: one query on the history table's key (a referral has a handful of steps). */
    public List<HistoryEntry> historyOf(String id) {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(id)))
                .consistentRead(true).build();
        return history.query(request).items().stream().map(HistoryItem::toEntry).toList();
    }

    /** A patient's referrals, newest first: one query on the ByPatient index. */
    public Page<Referral> ofPatient(HelpNumber helpNumber, PageRequest page, Cursor cursor) {
        String scope = "referrals-of-patient|" + helpNumber.value();
        var request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(helpNumber.value())))
                .scanIndexForward(false);
        return indexes.page(ReferralItem.BY_PATIENT, request, page, cursor, scope);
    }

    /** A site's referrals of a period by date, optionally in one state: one query on the BySite index. */
    public Page<Referral> atSite(String site, Period period, Optional<ReferralState> state, PageRequest page, Cursor cursor) {
        String scope = "referrals-at-site|" + site + "|" + period.from() + "|" + period.to() + "|" + state.map(Enum::name).orElse("");
        var request = QueryEnhancedRequest.builder().queryConditional(IndexQueries.datedIn(site, period));
        state.ifPresent(s -> request.filterExpression(Expression.builder().expression("#state = :state")
                .putExpressionName("#state", "state").putExpressionValue(":state", AttributeValue.fromS(s.name())).build()));
        return indexes.page(ReferralItem.BY_SITE, request, page, cursor, scope);
    }

    /** A site's referrals flagged for follow-up, longest waiting first: one query on the sparse ByFollowUp index. */
    public Page<Referral> needingFollowUp(String site, PageRequest page, Cursor cursor) {
        String scope = "referrals-follow-up|" + site;
        var request = QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(site)));
        return indexes.page(ReferralItem.BY_FOLLOW_UP, request, page, cursor, scope);
    }

    /** Every referral of a site in the period, for the counts: the BySite index, page after page. */
    public List<Referral> allAtSite(String site, Period period) {
        return indexes.all(ReferralItem.BY_SITE, IndexQueries.datedIn(site, period));
    }

    /** Referrals of a site that have been in {@code state} since before {@code enteredBefore}: the ByState index. */
    public List<Referral> inStateSince(String site, ReferralState state, LocalDate enteredBefore) {
        return indexes.all(ReferralItem.BY_STATE,
                QueryConditional.sortLessThan(IndexQueries.key(ReferralItem.siteState(site, state), enteredBefore.toString())));
    }



    /** The entry of the version {@code after} is; on the day the state was entered, with what {@code details} recorded. */
    private HistoryEntry entry(Referral after, Optional<ReferralState> from, Optional<Action> action, Optional<Transition> details,
                               Caller caller) {
        return new HistoryEntry(after.id(), after.version(), from, after.state(), action, after.stateSince(), clock.instant(),
                caller.subject(), caller.groupNames(), details.flatMap(Transition::reason), details.flatMap(Transition::complaintBody),
                details.flatMap(Transition::appointmentDate), details.flatMap(Transition::note));
    }

    private TransactWriteItem put(Referral referral, String condition) {
        return ConditionalWrites.put(referrals.tableName(), itemOf(referral), condition);
    }

    private TransactWriteItem putIf(Referral referral, String condition, long version) {
        return ConditionalWrites.putIf(referrals.tableName(), itemOf(referral), condition, version);
    }

    private TransactWriteItem putOver(Referral referral, long expectedVersion) {
        return ConditionalWrites.putAtVersion(referrals.tableName(), itemOf(referral), expectedVersion);
    }

    private static Map<String, AttributeValue> itemOf(Referral referral) {
        return ReferralItem.SCHEMA.itemToMap(ReferralItem.of(referral), true);
    }

    private TransactWriteItem putHistory(HistoryEntry entry) {
        return putHistory(entry, "attribute_not_exists(version)");
    }

    private TransactWriteItem putHistory(HistoryEntry entry, String condition) {
        return ConditionalWrites.put(history.tableName(), HistoryItem.SCHEMA.itemToMap(HistoryItem.of(entry), true), condition);
    }


    static ApiProblem notFound() {
        return ApiProblem.notFound("referralId", "no referral has this id");
    }

    private static ApiProblem stale() {
        return ApiProblem.preconditionFailed("the referral was changed since you read it; read it again");
    }
}
