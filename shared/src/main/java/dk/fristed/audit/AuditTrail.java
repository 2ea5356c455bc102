package dk.fristed.audit;

import dk.fristed.helpnumber.HelpNumber;
import dk.fristed.http.ApiRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes the audit trail: every read or change of a patient's record leaves an entry. A change
 * writes its entry in the same transaction as the change itself; a read writes its entries before
 * the data leave the function, and a read that cannot be recorded fails. Entries are put only under
 * the condition that they are new, and the functions' IAM policies allow nothing but PutItem on the
 * audit table, so the trail can be appended to but never rewritten.
 */
public final class AuditTrail {
    public static final String TABLE_VARIABLE = "AUDIT_TABLE";
    /** DynamoDB's limit of items in one transaction; list pages are smaller, an export writes several. */
    static final int MAX_ENTRIES_PER_WRITE = 100;

    private static final RandomGenerator RANDOM = new SecureRandom();

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;

    public AuditTrail(DynamoDbClient dynamo, String tableName, Clock clock) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.clock = clock;
    }

    /** The entry for {@code actor}'s change of {@code patient}'s records, to be written in the change's own transaction. */
    public TransactWriteItem changeBy(Actor actor, HelpNumber patient) {
        return put(entry(patient, actor.subject(), actor.roles(), actor.route(), "change", clock.instant()));
    }

    /**
     * Records that these patients' records were read; throws (and so fails the request) if it cannot.
     * A page is one transaction; an export of more than 100 patients writes one per hundred, all before
     * the data leave the function.
     */
    public void readsOf(ApiRequest request, Collection<HelpNumber> patients) {
        // a record kept after its patient's erasure belongs to nobody: there is no one to account to
        List<HelpNumber> distinct = new LinkedHashSet<>(patients)
                .stream().filter(p -> !p.equals(HelpNumber.UNLINKED)).toList();
        Instant now = clock.instant();
        for (int from = 0; from < distinct.size(); from += MAX_ENTRIES_PER_WRITE) {
            List<TransactWriteItem> entries =
                    distinct.subList(from, Math.min(distinct.size(), from + MAX_ENTRIES_PER_WRITE)).stream()
                            .map(p -> put(entry(request, p, "read", now)))
                            .toList();
            dynamo.transactWriteItems(r -> r.transactItems(entries));
        }
    }

    /**
     * Records that aggregate figures were read (a report: counts, no patient): who, when, through which
     * route, and {@code about} what (the period, site and version). Under the partition
     * {@link AuditEntry#AGGREGATE}, not under any patient; throws (and so fails the request) if it cannot.
     */
    public void aggregateReadOf(ApiRequest request, String about) {
        AuditEntry entry = entry(
                AuditEntry.AGGREGATE,
                request.caller().subject(),
                request.caller().groupNames(),
                request.routeKey(),
                "read_aggregate",
                clock.instant());
        entry.setAbout(about);
        dynamo.transactWriteItems(r -> r.transactItems(put(entry)));
    }

    private AuditEntry entry(ApiRequest request, HelpNumber patient, String action, Instant at) {
        return entry(
                patient, request.caller().subject(), request.caller().groupNames(), request.routeKey(), action, at);
    }

    private static AuditEntry entry(
            HelpNumber patient, String subject, String roles, String route, String action, Instant at) {
        return entry(patient.value(), subject, roles, route, action, at);
    }

    private static AuditEntry entry(
            String partition, String subject, String roles, String route, String action, Instant at) {
        AuditEntry entry = new AuditEntry();
        entry.setHelpNumber(partition);
        entry.setEntryKey(at + "#" + HexFormat.of().toHexDigits(RANDOM.nextLong()));
        entry.setSubject(subject);
        entry.setRoles(roles);
        entry.setRoute(route);
        entry.setAction(action);
        entry.setAt(at.toString());
        return entry;
    }

    private TransactWriteItem put(AuditEntry entry) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(tableName)
                        .item(AuditEntry.SCHEMA.itemToMap(entry, true))
                        .conditionExpression("attribute_not_exists(entryKey)")
                        .build())
                .build();
    }
}
