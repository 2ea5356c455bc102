package dk.fristed.referrals.referral;

import dk.fristed.audit.Actor;
import dk.fristed.audit.AuditTrail;
import dk.fristed.auth.Caller;
import dk.fristed.aws.Transactions;
import dk.fristed.calendar.Period;
import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.idempotency.IdempotencyClaim;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.referral.Referral;
import dk.fristed.records.referral.ReferralItem;
import dk.fristed.records.referral.ReferralState;
import dk.fristed.storage.ConditionalWrites;
import dk.fristed.storage.IndexQueries;
import dk.fristed.storage.PatientLinks;
import dk.fristed.workflow.RecordStore;
import dk.fristed.workflow.StoredAs;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

    /** How a referral follows its patient: to the survivor of a merge, erased and unlinked with them ({@link Referral#erased}). */
    private static final RecordStore.PatientParts<Referral, HistoryEntry> PATIENT = new RecordStore.PatientParts<>(
            Referral::mergedInto,
            Referral::erased,
            referral -> List.of(),
            entry -> entry.note().isPresent(),
            HistoryEntry::withoutNote);

    private final DynamoDbClient dynamo;
    private final AuditTrail audit;
    private final RecordStore<Referral, HistoryEntry> store;
    private final IndexQueries<ReferralItem, Referral> indexes;
    private final String patientsTableName;
    private final PatientLinks links;
    private final Clock clock;

    public ReferralRepository(
            DynamoDbClient dynamo,
            AuditTrail audit,
            DynamoDbTable<ReferralItem> referrals,
            DynamoDbTable<HistoryItem> history,
            String patientsTableName,
            PatientLinks links,
            Clock clock) {
        this.dynamo = dynamo;
        this.audit = audit;
        this.store = new RecordStore<>(
                dynamo,
                audit,
                new StoredAs<>(referrals, ReferralItem::of, ReferralItem::toReferral),
                new StoredAs<>(history, HistoryItem::of, HistoryItem::toEntry),
                ReferralItem.BY_PATIENT,
                "referralId",
                "referral",
                PATIENT);
        this.indexes = new IndexQueries<>(referrals, ReferralItem::toReferral);
        this.patientsTableName = patientsTableName;
        this.links = links;
        this.clock = clock;
    }

    public record Creation(Referral referral, boolean replayed) {}

    /**
     * A drafted referral; one that {@code replaces} a rejected referral moves that one to referred_again
     * in the same transaction. The idempotency store is the route's: only creation claims keys.
     */
    public Creation create(
            NewReferral request,
            Caller caller,
            Optional<IdempotencyClaim> claim,
            IdempotencyStore idempotency,
            Actor actor) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Referral> replaced = request.replaces().map(id -> replaceable(id, request.helpNumber()));
            Referral referral = request.drafted(caller, clock.instant());
            List<TransactWriteItem> referringAgain =
                    replaced.map(old -> referAgain(old, referral, caller)).orElse(List.of());
            List<PatientLinks.Check> linked = links.of(referral.helpNumber(), referral.visitId(), Optional.empty());
            List<TransactWriteItem> items = creation(
                    referral,
                    "attribute_not_exists(referralId)",
                    referringAgain,
                    linked,
                    caller,
                    actor,
                    claim.map(c -> idempotency.claimItem(c, referral.id())));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                return new Creation(referral, false);
            } catch (TransactionCanceledException e) {
                if (claim.isPresent() && Transactions.conditionFailedAt(e, items.size() - 1)) {
                    String first = idempotency.replay(claim.get());
                    return new Creation(
                            find(first)
                                    .orElseThrow(() -> ApiProblem.conflict(
                                            "the referral this request created earlier no longer exists")),
                            true);
                }
                if (Transactions.conditionFailedAt(e, PATIENT_CHECK)) {
                    throw ApiProblem.notFound(
                            "helpNumber",
                            "no patient has this help number, or the record was erased or merged into another (look the number up)");
                }
                PatientLinks.refuseIfFailed(linked, PATIENT_CHECK + 1 + referringAgain.size(), e);
                if (!Transactions.conflicted(e)
                        && !(replaced.isPresent() && Transactions.conditionFailedAt(e, PATIENT_CHECK + 1))) {
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
    public Referral rehearseCreate(
            NewReferral request,
            Caller caller,
            Optional<IdempotencyClaim> claim,
            IdempotencyStore idempotency,
            Actor actor) {
        Referral nobody = request.drafted(caller, clock.instant());
        var items = creation(
                nobody,
                "attribute_exists(referralId) AND attribute_not_exists(referralId)",
                List.of(),
                List.of(),
                caller,
                actor,
                claim.map(c -> idempotency.claimItem(c, nobody.id())));
        Transactions.rehearse(dynamo, items);
        return nobody;
    }

    /**
     * A creation's transaction: the referral under {@code condition}, its first history entry, the patient
     * check, the rejected referral it replaces, its link to a visit, the audit entry, the claim last.
     */
    private List<TransactWriteItem> creation(
            Referral referral,
            String condition,
            List<TransactWriteItem> referringAgain,
            List<PatientLinks.Check> linked,
            Caller caller,
            Actor actor,
            Optional<TransactWriteItem> claim) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(referral, condition));
        items.add(putHistory(entry(referral, Optional.empty(), Optional.empty(), Optional.empty(), caller)));
        items.add(ConditionalWrites.patientIsActive(patientsTableName, referral.helpNumber()));
        items.addAll(referringAgain);
        linked.forEach(link -> items.add(link.item()));
        items.add(audit.changeBy(actor, referral.helpNumber()));
        claim.ifPresent(items::add);
        return items;
    }

    /** The rejected referral, moved to referred_again and naming the new one, and its history entry. */
    private List<TransactWriteItem> referAgain(Referral old, Referral replacement, Caller caller) {
        Referral moved = old.moved(
                ReferralWorkflow.TRANSITIONS.next(old.state(), Action.REFER_AGAIN),
                replacement.date(),
                old.outcome().replacedBy(replacement.id()));
        return List.of(
                putOver(moved, old.version()),
                putHistory(entry(
                        moved, Optional.of(old.state()), Optional.of(Action.REFER_AGAIN), Optional.empty(), caller)));
    }

    private Referral replaceable(String id, HelpNumber patient) {
        Referral old = find(id).orElseThrow(() -> ApiProblem.notFound("replaces", "no referral has this id"));
        if (!old.helpNumber().equals(patient)) {
            throw ApiProblem.badRequest("replaces", "names a referral of another patient");
        }
        ReferralWorkflow.TRANSITIONS.next(old.state(), Action.REFER_AGAIN); // 409 unless it was rejected
        return old;
    }

    /**
     * Moves the referral by the transition {@code parse} makes of it (its dates are checked against the
     * referral's) if it is still at {@code expectedVersion}; 412 otherwise.
     */
    public Referral transition(
            String id, long expectedVersion, Function<Referral, Transition> parse, Caller caller, Actor actor) {
        return store.step(
                id,
                expectedVersion,
                current -> {
                    Transition transition = parse.apply(current);
                    ReferralState next = ReferralWorkflow.TRANSITIONS.next(current.state(), transition.action());
                    Referral moved = current.moved(next, transition.date(), transition.record(current.outcome()));
                    return new RecordStore.Step<>(
                            moved,
                            entry(
                                    moved,
                                    Optional.of(current.state()),
                                    Optional.of(transition.action()),
                                    Optional.of(transition),
                                    caller));
                },
                actor);
    }

    /**
     * Flags a referral for follow-up with its audit entry, unless it moved since it was read or is
     * flagged already; true if it flagged it.
     */
    public boolean flagForFollowUp(Referral referral, LocalDate today, Actor actor) {
        var flag = putIf(
                referral.needingFollowUp(today),
                "version = :version AND attribute_not_exists(followUp)",
                referral.version());
        // false: moved or flagged meanwhile, and tomorrow's run looks again
        return Transactions.writeUnlessMoved(dynamo, List.of(flag, audit.changeBy(actor, referral.helpNumber())));
    }

    /** The referrals and their history as the workflow machinery keeps them. */
    public RecordStore<Referral, HistoryEntry> records() {
        return store;
    }

    public Optional<Referral> find(String id) {
        return store.find(id);
    }

    /** A site's referrals flagged for follow-up, longest waiting first: one query on the sparse ByFollowUp index. */
    public Page<Referral> needingFollowUp(String site, PageRequest page, Cursor cursor) {
        String scope = "referrals-follow-up|" + site;
        var request =
                QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(site)));
        return indexes.page(ReferralItem.BY_FOLLOW_UP, request, page, cursor, scope);
    }

    /** Every referral of a site in the period, for the counts: the BySite index, page after page. */
    public List<Referral> allAtSite(String site, Period period) {
        return ReferralItem.writtenAt(indexes, site, period);
    }

    /** Referrals of a site that have been in {@code state} since before {@code enteredBefore}: the ByState index. */
    public List<Referral> inStateSince(String site, ReferralState state, LocalDate enteredBefore) {
        return indexes.all(
                ReferralItem.BY_STATE,
                QueryConditional.sortLessThan(
                        IndexQueries.key(ReferralItem.siteState(site, state), enteredBefore.toString())));
    }

    /** The entry of the version {@code after} is; on the day the state was entered, with what {@code details} recorded. */
    private HistoryEntry entry(
            Referral after,
            Optional<ReferralState> from,
            Optional<Action> action,
            Optional<Transition> details,
            Caller caller) {
        return new HistoryEntry(
                after.id(),
                after.version(),
                from,
                after.state(),
                action,
                after.stateSince(),
                clock.instant(),
                caller.subject(),
                caller.groupNames(),
                details.flatMap(Transition::reason),
                details.flatMap(Transition::complaintBody),
                details.flatMap(Transition::appointmentDate),
                details.flatMap(Transition::note));
    }

    private TransactWriteItem put(Referral referral, String condition) {
        return store.put(referral, condition);
    }

    private TransactWriteItem putIf(Referral referral, String condition, long version) {
        return store.putIf(referral, condition, version);
    }

    private TransactWriteItem putOver(Referral referral, long expectedVersion) {
        return store.putOver(referral, expectedVersion);
    }

    private TransactWriteItem putHistory(HistoryEntry entry) {
        return store.putNewHistory(entry);
    }

    static ApiProblem notFound() {
        return ApiProblem.notFound("referralId", "no referral has this id");
    }
}
