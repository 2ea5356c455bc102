package dk.fristed.invoices.invoice;

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
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

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
    private final DynamoDbTable<InvoiceItem> invoices;
    private final IndexQueries<InvoiceItem, Invoice> indexes;
    private final DynamoDbTable<HistoryItem> history;
    private final String numbersTableName;
    private final String patientsTableName;
    private final Clock clock;

    public InvoiceRepository(DynamoDbClient dynamo, DynamoDbTable<InvoiceItem> invoices, DynamoDbTable<HistoryItem> history,
                             String numbersTableName, String patientsTableName, Clock clock) {
        this.dynamo = dynamo;
        this.invoices = invoices;
        this.indexes = new IndexQueries<>(invoices, InvoiceItem::toInvoice);
        this.history = history;
        this.numbersTableName = numbersTableName;
        this.patientsTableName = patientsTableName;
        this.clock = clock;
    }

    public record Creation(Invoice invoice, boolean replayed) {
    }

    /**
     * Registers the invoice, unless its creditor and number are registered already (409 naming the
     * existing invoice). Two registrations of one number at the same moment leave exactly one invoice:
     * the guard's put is conditional, in the same transaction.
     */
    public Creation create(Invoice invoice, Caller caller, Optional<IdempotencyClaim> claim, IdempotencyStore idempotency,
                           TransactWriteItem auditEntry) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<TransactWriteItem> items = registration(invoice, "attribute_not_exists(invoiceId)", caller, auditEntry,
                    claim.map(c -> idempotency.claimItem(c, invoice.id())));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                return new Creation(invoice, false);
            } catch (TransactionCanceledException e) {
                if (claim.isPresent() && Transactions.conditionFailedAt(e, items.size() - 1)) {
                    String first = idempotency.replay(claim.get());
                    return new Creation(find(first).orElseThrow(
                            () -> ApiProblem.conflict("the invoice this request registered earlier no longer exists")), true);
                }
                if (Transactions.conditionFailedAt(e, NUMBER_GUARD)) {
                    throw duplicate(invoice.numberKey());
                }
                if (Transactions.conditionFailedAt(e, PATIENT_CHECK)) {
                    throw ApiProblem.notFound("helpNumber", "no patient has this help number, or the record was erased or merged into another (look the number up)");
                }
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
    public Invoice rehearseCreate(Invoice nobody, Caller caller, Optional<IdempotencyClaim> claim, IdempotencyStore idempotency,
                                  TransactWriteItem auditEntry) {
        var items = registration(nobody, "attribute_exists(invoiceId) AND attribute_not_exists(invoiceId)", caller, auditEntry,
                claim.map(c -> idempotency.claimItem(c, nobody.id())));
        Transactions.rehearse(dynamo, items);
        return nobody;
    }

    private List<TransactWriteItem> registration(Invoice invoice, String condition, Caller caller, TransactWriteItem auditEntry,
                                                 Optional<TransactWriteItem> claim) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(ConditionalWrites.put(invoices.tableName(), itemOf(invoice), condition));
        items.add(putHistory(new HistoryEntry(invoice.id(), invoice.version(), Optional.empty(), invoice.state(), Optional.empty(),
                invoice.receivedOn(), clock.instant(), caller.subject(), caller.groupNames(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 0, invoice.note()), "attribute_not_exists(version)"));
        items.add(ConditionalWrites.put(numbersTableName, Map.of("numberKey", AttributeValue.fromS(invoice.numberKey()),
                "invoiceId", AttributeValue.fromS(invoice.id())), "attribute_not_exists(numberKey)"));
        items.add(ConditionalWrites.patientIsActive(patientsTableName, invoice.helpNumber()));
        items.add(auditEntry);
        claim.ifPresent(items::add);
        return items;
    }

    private ApiProblem duplicate(String numberKey) {
        var guard = dynamo.getItem(r -> r.tableName(numbersTableName).consistentRead(true)
                .key(Map.of("numberKey", AttributeValue.fromS(numberKey)))).item();
        String existing = guard.containsKey("invoiceId") ? guard.get("invoiceId").s() : null;
        return new ApiProblem(409, "Conflict", "is registered already for this creditor"
                + (existing == null ? "" : ": /invoices/" + existing), "invoiceNumber");
    }

    /**
     * Moves the invoice by the transition {@code parse} makes of it (its amounts and dates are checked
     * against the invoice's) if it is still at {@code expectedVersion}; 412 otherwise.
     */
    public Invoice transition(String id, long expectedVersion, Function<Invoice, Transition> parse, Caller caller,
                              Function<HelpNumber, TransactWriteItem> auditEntry, DeadlinePolicy deadlines, LocalDate today) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Invoice current = find(id).orElseThrow(InvoiceRepository::notFound);
            if (current.erasedAt().isPresent()) {
                throw ApiProblem.gone("invoiceId", "this invoice's patient was erased on request; it takes no more steps");
            }
            if (current.version() != expectedVersion) {
                throw stale();
            }
            Transition transition = parse.apply(current);
            Invoice moved = transition.applyTo(current, deadlines, today);
            HistoryEntry entry = new HistoryEntry(id, moved.version(), Optional.of(current.state()), moved.state(),
                    Optional.of(transition.action()), transition.date(), clock.instant(), caller.subject(), caller.groupNames(),
                    transition.channel(), transition.reference(), transition.reason(), transition.credits(), transition.pays(),
                    transition.note());
            List<TransactWriteItem> items = List.of(putOver(moved, current.version()),
                    putHistory(entry, "attribute_not_exists(version)"), auditEntry.apply(current.helpNumber()));
            if (Transactions.writeStep(dynamo, items, InvoiceRepository::stale)) {
                return moved;
            }
        }
        throw ApiProblem.conflict("the invoice changed while it was saved; retry");
    }

    /** Puts the invoice back with new flags and its audit entry, unless it moved since it was read; true if it did. */
    public boolean reflag(Invoice invoice, Set<Flag> flags, TransactWriteItem auditEntry) {
        // false: a transition came in between, and flagged it itself
        return Transactions.writeUnlessMoved(dynamo, List.of(putOver(invoice.withFlags(flags), invoice.version()), auditEntry));
    }

    /**
     * A merge reaching the invoices: a patient's record merged into another arrives from the patients
     * table's stream, and each invoice under the old help number moves to the survivor's, with an audit
     * entry; run twice, it finds none left to move.
     */
    public int movePatient(HelpNumber from, HelpNumber to, Supplier<TransactWriteItem> auditEntry) {
        int changed = 0;
        for (Invoice invoice : indexes.all(InvoiceItem.BY_PATIENT, QueryConditional.keyEqualTo(IndexQueries.key(from.value())))) {
            if (Transactions.writeFromFreshRead(dynamo, ATTEMPTS, () -> {
                Invoice current = find(invoice.id()).orElseThrow(InvoiceRepository::notFound);
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
     * Erases a patient's personal parts from every invoice of theirs and unlinks it from them
     * ({@link Invoice#erased}), removes the invoice number's guard and every note. Each
     * invoice changed is audited in its own transaction; erasing again finds nothing left. Returns how
     * many invoices it changed.
     */
    public int erasePatient(HelpNumber helpNumber, Instant at, Supplier<TransactWriteItem> auditEntry) {
        int changed = 0;
        for (Invoice invoice : indexes.all(InvoiceItem.BY_PATIENT, QueryConditional.keyEqualTo(IndexQueries.key(helpNumber.value())))) {
            if (eraseInvoice(invoice.id(), at, auditEntry)) {
                changed++;
            }
        }
        return changed;
    }

    private boolean eraseInvoice(String id, Instant at, Supplier<TransactWriteItem> auditEntry) {
        return Transactions.writeFromFreshRead(dynamo, ATTEMPTS, () -> {
            Invoice current = find(id).orElseThrow(InvoiceRepository::notFound);
            List<TransactWriteItem> items = new ArrayList<>();
            // still under the patient's number: never erased, or erased before erasure unlinked
            if (!current.helpNumber().equals(HelpNumber.UNLINKED)) {
                items.add(putOver(current.erased(current.erasedAt().orElse(at)), current.version()));
                items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(numbersTableName)
                        .key(Map.of("numberKey", AttributeValue.fromS(current.numberKey()))).build()).build());
            }
            for (HistoryEntry entry : historyOf(id)) {
                if (entry.hasPersonalText()) {
                    items.add(putHistory(entry.withoutPersonalText(), "attribute_exists(version)"));
                }
            }
            if (!items.isEmpty()) {
                items.add(auditEntry.get()); // an invoice has a handful of steps: well within a transaction's 100 items
            }
            return items;
        });
    }

    public Optional<Invoice> find(String id) {
        InvoiceItem item = invoices.getItem(GetItemEnhancedRequest.builder().key(IndexQueries.key(id)).consistentRead(true).build());
        return Optional.ofNullable(item).map(InvoiceItem::toInvoice);
    }

    /** An invoice's history, oldest first: one query on the history table's key. */
    public List<HistoryEntry> historyOf(String id) {
        var request = QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(id)))
                .consistentRead(true).build();
        return history.query(request).items().stream().map(HistoryItem::toEntry).toList();
    }

    /** A patient's invoices, newest first: one query on the ByPatient index. */
    public Page<Invoice> ofPatient(HelpNumber helpNumber, PageRequest page, Cursor cursor) {
        var request = QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(helpNumber.value())))
                .scanIndexForward(false);
        return indexes.page(InvoiceItem.BY_PATIENT, request, page, cursor, "invoices-of-patient|" + helpNumber.value());
    }

    /** A site's invoices received in a period, optionally in one state: one query on the BySite index. */
    public Page<Invoice> atSite(String site, Period period, Optional<InvoiceState> state, PageRequest page, Cursor cursor) {
        String scope = "invoices-at-site|" + site + "|" + period.from() + "|" + period.to() + "|" + state.map(Enum::name).orElse("");
        var request = QueryEnhancedRequest.builder().queryConditional(IndexQueries.datedIn(site, period));
        state.ifPresent(s -> request.filterExpression(Expression.builder().expression("#state = :state")
                .putExpressionName("#state", "state").putExpressionValue(":state", AttributeValue.fromS(s.name())).build()));
        return indexes.page(InvoiceItem.BY_SITE, request, page, cursor, scope);
    }

    /** A site's flagged invoices, the earliest due first: one query on the sparse ByFlag index. */
    public Page<Invoice> flagged(String site, PageRequest page, Cursor cursor) {
        var request = QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(IndexQueries.key(site)));
        return indexes.page(InvoiceItem.BY_FLAG, request, page, cursor, "invoices-flagged|" + site);
    }

    /** Every invoice a site received in the period, for totals and exports: the BySite index, page after page. */
    public List<Invoice> allAtSite(String site, Period period) {
        return indexes.all(InvoiceItem.BY_SITE, IndexQueries.datedIn(site, period));
    }

    /** A site's invoices waiting for the creditor's answer since before {@code askedBefore}: the sparse ByAwaitingAnswer index. */
    public List<Invoice> awaitingAnswerSince(String site, LocalDate askedBefore) {
        return indexes.all(InvoiceItem.BY_AWAITING_ANSWER, QueryConditional.sortLessThan(IndexQueries.key(site, askedBefore.toString())));
    }

    /** A site's open invoices due on or before {@code lastDue}: the sparse ByDue index. */
    public List<Invoice> openDueBy(String site, LocalDate lastDue) {
        // dueKey is "date#id"; '~' sorts after '#', so the bound takes in every invoice due on lastDue
        return indexes.all(InvoiceItem.BY_DUE, QueryConditional.sortLessThan(IndexQueries.key(site, lastDue + "~")));
    }





    private TransactWriteItem putOver(Invoice invoice, long expectedVersion) {
        return ConditionalWrites.putAtVersion(invoices.tableName(), itemOf(invoice), expectedVersion);
    }

    private static Map<String, AttributeValue> itemOf(Invoice invoice) {
        return InvoiceItem.SCHEMA.itemToMap(InvoiceItem.of(invoice), true);
    }

    private TransactWriteItem putHistory(HistoryEntry entry, String condition) {
        return ConditionalWrites.put(history.tableName(), HistoryItem.SCHEMA.itemToMap(HistoryItem.of(entry), true), condition);
    }


    static ApiProblem notFound() {
        return ApiProblem.notFound("invoiceId", "no invoice has this id");
    }

    private static ApiProblem stale() {
        return ApiProblem.preconditionFailed("the invoice was changed since you read it; read it again");
    }
}
