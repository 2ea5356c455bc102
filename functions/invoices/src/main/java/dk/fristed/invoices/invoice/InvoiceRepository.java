package dk.fristed.invoices.invoice;

import dk.fristed.audit.Actor;
import dk.fristed.audit.AuditTrail;
import dk.fristed.auth.Caller;
import dk.fristed.aws.Transactions;
import dk.fristed.calendar.Period;
import dk.fristed.idempotency.IdempotencyClaim;
import dk.fristed.idempotency.IdempotencyStore;
import dk.fristed.paging.Cursor;
import dk.fristed.paging.Page;
import dk.fristed.paging.PageRequest;
import dk.fristed.problem.ApiProblem;
import dk.fristed.records.invoice.Flag;
import dk.fristed.records.invoice.Invoice;
import dk.fristed.records.invoice.InvoiceItem;
import dk.fristed.storage.ConditionalWrites;
import dk.fristed.storage.IndexQueries;
import dk.fristed.storage.PatientLinks;
import dk.fristed.workflow.RecordStore;
import dk.fristed.workflow.StoredAs;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Invoices, their history and their number guards in DynamoDB. Every change is one transaction: the
 * invoice put whole under a version condition (client-side encryption signs whole items), the history
 * entry of the version it creates and the audit entry; a registration adds the guard that keeps a
 * creditor's invoice number unique, a check that the patient exists and is not erased, and the
 * idempotency claim.
 */
public final class InvoiceRepository {
    /** Retries after a TransactionConflict, which is another writer on the same item at the same moment. */
    private static final int ATTEMPTS = 5;
    /** Where a registration's transaction puts the number guard and checks the patient; the claim comes last. */
    private static final int NUMBER_GUARD = 2;

    private static final int PATIENT_CHECK = 3;

    private final DynamoDbClient dynamo;
    private final AuditTrail audit;
    private final RecordStore<Invoice, HistoryEntry> store;
    private final IndexQueries<InvoiceItem, Invoice> indexes;
    private final String numbersTableName;
    private final String patientsTableName;
    private final PatientLinks links;
    private final Clock clock;

    public InvoiceRepository(
            DynamoDbClient dynamo,
            AuditTrail audit,
            DynamoDbTable<InvoiceItem> invoices,
            DynamoDbTable<HistoryItem> history,
            String numbersTableName,
            String patientsTableName,
            PatientLinks links,
            Clock clock) {
        this.dynamo = dynamo;
        this.audit = audit;
        // a merge moves an invoice to the survivor; erasure also removes the guard of its number, which names
        // the patient at the creditor, and the history's personal texts
        this.store = new RecordStore<>(
                dynamo,
                audit,
                new StoredAs<>(invoices, InvoiceItem::of, InvoiceItem::toInvoice),
                new StoredAs<>(history, HistoryItem::of, HistoryItem::toEntry),
                InvoiceItem.BY_PATIENT,
                "invoiceId",
                "invoice",
                new RecordStore.PatientParts<>(
                        Invoice::mergedInto,
                        Invoice::erased,
                        invoice -> List.of(TransactWriteItem.builder()
                                .delete(Delete.builder()
                                        .tableName(numbersTableName)
                                        .key(Map.of("numberKey", AttributeValue.fromS(invoice.numberKey())))
                                        .build())
                                .build()),
                        HistoryEntry::hasPersonalText,
                        HistoryEntry::withoutPersonalText));
        this.indexes = new IndexQueries<>(invoices, InvoiceItem::toInvoice);
        this.numbersTableName = numbersTableName;
        this.patientsTableName = patientsTableName;
        this.links = links;
        this.clock = clock;
    }

    public record Creation(Invoice invoice, boolean replayed) {}

    /**
     * Registers the invoice, unless its creditor and number are registered already (409 naming the
     * existing invoice). Two registrations of one number at the same moment leave exactly one invoice:
     * the guard's put is conditional, in the same transaction.
     */
    public Creation create(
            Invoice invoice,
            Caller caller,
            Optional<IdempotencyClaim> claim,
            IdempotencyStore idempotency,
            Actor actor) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<PatientLinks.Check> linked = links.of(invoice.helpNumber(), invoice.visitId(), invoice.referralId());
            List<TransactWriteItem> items = registration(
                    invoice,
                    "attribute_not_exists(invoiceId)",
                    linked,
                    caller,
                    actor,
                    claim.map(c -> idempotency.claimItem(c, invoice.id())));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                return new Creation(invoice, false);
            } catch (TransactionCanceledException e) {
                if (claim.isPresent() && Transactions.conditionFailedAt(e, items.size() - 1)) {
                    String first = idempotency.replay(claim.get());
                    return new Creation(
                            find(first)
                                    .orElseThrow(() -> ApiProblem.conflict(
                                            "the invoice this request registered earlier no longer exists")),
                            true);
                }
                if (Transactions.conditionFailedAt(e, NUMBER_GUARD)) {
                    throw duplicate(invoice.numberKey());
                }
                if (Transactions.conditionFailedAt(e, PATIENT_CHECK)) {
                    throw ApiProblem.notFound(
                            "helpNumber",
                            "no patient has this help number, or the record was erased or merged into another (look the number up)");
                }
                PatientLinks.refuseIfFailed(linked, PATIENT_CHECK + 1, e);
                if (!Transactions.conflicted(e)) {
                    throw e;
                }
                // another writer on the same items (the same number registered at this moment): try again
            }
        }
        throw ApiProblem.conflict("the invoice's records changed while it was saved; retry");
    }

    /**
     * For SnapStart priming: {@link #create}'s whole write path (item mapping, encryption of the invoice
     * and its history entry, the guard, the patient check, the audit entry, the claim, the transaction
     * and its cancellation) under a condition that cannot hold, so DynamoDB cancels it and nothing is written.
     */
    public Invoice rehearseCreate(
            Invoice nobody,
            Caller caller,
            Optional<IdempotencyClaim> claim,
            IdempotencyStore idempotency,
            Actor actor) {
        var items = registration(
                nobody,
                "attribute_exists(invoiceId) AND attribute_not_exists(invoiceId)",
                List.of(),
                caller,
                actor,
                claim.map(c -> idempotency.claimItem(c, nobody.id())));
        Transactions.rehearse(dynamo, items);
        return nobody;
    }

    /** The invoice, its first history entry, the number's guard, the patient check, its links, the audit entry, the claim last. */
    private List<TransactWriteItem> registration(
            Invoice invoice,
            String condition,
            List<PatientLinks.Check> linked,
            Caller caller,
            Actor actor,
            Optional<TransactWriteItem> claim) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(store.put(invoice, condition));
        items.add(store.putNewHistory(new HistoryEntry(
                invoice.id(),
                invoice.version(),
                Optional.empty(),
                invoice.state(),
                Optional.empty(),
                invoice.receivedOn(),
                clock.instant(),
                caller.subject(),
                caller.groupNames(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                0,
                invoice.note())));
        items.add(ConditionalWrites.put(
                numbersTableName,
                Map.of(
                        "numberKey",
                        AttributeValue.fromS(invoice.numberKey()),
                        "invoiceId",
                        AttributeValue.fromS(invoice.id())),
                "attribute_not_exists(numberKey)"));
        items.add(ConditionalWrites.patientIsActive(patientsTableName, invoice.helpNumber()));
        linked.forEach(link -> items.add(link.item()));
        items.add(audit.changeBy(actor, invoice.helpNumber()));
        claim.ifPresent(items::add);
        return items;
    }

    private ApiProblem duplicate(String numberKey) {
        var guard = dynamo.getItem(r -> r.tableName(numbersTableName)
                        .consistentRead(true)
                        .key(Map.of("numberKey", AttributeValue.fromS(numberKey))))
                .item();
        String existing =
                guard.containsKey("invoiceId") ? guard.get("invoiceId").s() : null;
        return new ApiProblem(
                409,
                "Conflict",
                "is registered already for this creditor" + (existing == null ? "" : ": /invoices/" + existing),
                "invoiceNumber");
    }

    /**
     * Moves the invoice by the transition {@code parse} makes of it (its amounts and dates are checked
     * against the invoice's) if it is still at {@code expectedVersion}; 412 otherwise.
     */
    public Invoice transition(
            String id,
            long expectedVersion,
            Function<Invoice, Transition> parse,
            Caller caller,
            Actor actor,
            DeadlinePolicy deadlines,
            LocalDate today) {
        return store.step(
                id,
                expectedVersion,
                current -> {
                    Transition transition = parse.apply(current);
                    Invoice moved = transition.applyTo(current, deadlines, today);
                    return new RecordStore.Step<>(
                            moved,
                            new HistoryEntry(
                                    id,
                                    moved.version(),
                                    Optional.of(current.state()),
                                    moved.state(),
                                    Optional.of(transition.action()),
                                    transition.date(),
                                    clock.instant(),
                                    caller.subject(),
                                    caller.groupNames(),
                                    transition.channel(),
                                    transition.reference(),
                                    transition.reason(),
                                    transition.credits(),
                                    transition.pays(),
                                    transition.note()));
                },
                actor);
    }

    /** Puts the invoice back with new flags and its audit entry, unless it moved since it was read; true if it did. */
    public boolean reflag(Invoice invoice, Set<Flag> flags, Actor actor) {
        // false: a transition came in between, and flagged it itself
        return Transactions.writeUnlessMoved(
                dynamo,
                List.of(
                        putOver(invoice.withFlags(flags), invoice.version()),
                        audit.changeBy(actor, invoice.helpNumber())));
    }

    /** The invoices and their history as the workflow machinery keeps them. */
    public RecordStore<Invoice, HistoryEntry> records() {
        return store;
    }

    public Optional<Invoice> find(String id) {
        return store.find(id);
    }

    /** A site's flagged invoices, the earliest due first: one query on the sparse ByFlag index. */
    public Page<Invoice> flagged(String site, PageRequest page, Cursor cursor) {
        var request =
                QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(site)));
        return indexes.page(InvoiceItem.BY_FLAG, request, page, cursor, "invoices-flagged|" + site);
    }

    /** Every invoice a site received in the period, for totals and exports: the BySite index, page after page. */
    public List<Invoice> allAtSite(String site, Period period) {
        return InvoiceItem.receivedAt(indexes, site, period);
    }

    /** A site's invoices waiting for the creditor's answer since before {@code askedBefore}: the sparse ByAwaitingAnswer index. */
    public List<Invoice> awaitingAnswerSince(String site, LocalDate askedBefore) {
        return indexes.all(
                InvoiceItem.BY_AWAITING_ANSWER,
                QueryConditional.sortLessThan(IndexQueries.key(site, askedBefore.toString())));
    }

    /** A site's open invoices due on or before {@code lastDue}: the sparse ByDue index. */
    public List<Invoice> openDueBy(String site, LocalDate lastDue) {
        // dueKey is "date#id"; '~' sorts after '#', so the bound takes in every invoice due on lastDue
        return indexes.all(InvoiceItem.BY_DUE, QueryConditional.sortLessThan(IndexQueries.key(site, lastDue + "~")));
    }

    private TransactWriteItem putOver(Invoice invoice, long expectedVersion) {
        return store.putOver(invoice, expectedVersion);
    }

    static ApiProblem notFound() {
        return ApiProblem.notFound("invoiceId", "no invoice has this id");
    }
}
