package dk.fristed.local;

import dk.fristed.aws.AwsClients;
import dk.fristed.config.Environment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.SSEType;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code make restore}: a table brought back into a new table and checked ({@link RestoreCheck}); then,
 * when asked, what the live table lost put back from it ({@link TableCopy#copyMissing}), never over an
 * item written since. In AWS a point-in-time restore (any second of the last 35 days), under the tables'
 * KMS key; on {@code make run}'s DynamoDB Local, which has no point-in-time restore, a copy of the table
 * now. The runbook is in docs/deploying.md.
 */
public final class Restore {
    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private Restore() {}

    /** The restored table's name: the live one's, with when it was made. */
    static String restoredName(String live, Instant now) {
        return live + "-restored-" + SUFFIX.format(now);
    }

    /**
     * @param at     the point in time; empty: the latest restorable (a few minutes ago)
     * @param kmsKey the tables' KMS key in AWS; empty on DynamoDB Local, where the table is copied instead
     */
    static RestoreCheck.Result restore(
            Environment env,
            String logicalTable,
            String live,
            String restored,
            Optional<Instant> at,
            Optional<String> kmsKey) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        if (kmsKey.isPresent()) {
            dynamo.restoreTableToPointInTime(r -> {
                r.sourceTableName(live)
                        .targetTableName(restored)
                        .sseSpecificationOverride(
                                s -> s.enabled(true).sseType(SSEType.KMS).kmsMasterKeyId(kmsKey.get()));
                at.ifPresentOrElse(r::restoreDateTime, () -> r.useLatestRestorableTime(true));
            });
            // a restore takes minutes to hours, by the table's size
            dynamo.waiter().waitUntilTableExists(r -> r.tableName(restored));
        } else {
            if (at.isPresent()) {
                throw new IllegalArgumentException(
                        "DynamoDB Local has no point-in-time restore: leave AT out to copy the table as it is now");
            }
            TableCopy.createLike(dynamo, live, restored);
            TableCopy.copyAll(dynamo, live, restored);
        }
        return RestoreCheck.check(env, logicalTable, live, restored, 25);
    }

    /** What the live table lost, put back from the restored one; returns how many items. */
    static long putBack(Environment env, String restored, String live) {
        return TableCopy.copyMissing(AwsClients.dynamoDb(env), restored, live);
    }

    /** Arguments as NAME=value: TABLE, LIVE, [AT], [KMS_KEY], [PUT_BACK=restored table]. */
    public static void main(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        Arrays.stream(args)
                .filter(a -> a.contains("="))
                .forEach(a -> given.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
        Environment env = Environment.system();
        String live = given.get("LIVE");
        given.values().removeIf(String::isBlank);
        if (given.containsKey("PUT_BACK")) {
            long count = putBack(env, given.get("PUT_BACK"), live);
            System.out.printf(
                    "put back %,d items from %s into %s (items the live table has were left as they are)%n",
                    count, given.get("PUT_BACK"), live);
            return;
        }
        Optional<Instant> at =
                Optional.ofNullable(given.get("AT")).filter(s -> !s.isBlank()).map(Instant::parse);
        String restored = restoredName(live, Instant.now());
        System.out.println("restoring " + live
                + (at.map(t -> " as it was at " + t).orElse(" as it is now")) + " into " + restored + " ...");
        var result = restore(
                env,
                given.get("TABLE"),
                live,
                restored,
                at,
                Optional.ofNullable(given.get("KMS_KEY")).filter(s -> !s.isBlank()));
        System.out.println(result.report());
        if (!result.ok()) {
            System.out.println(
                    "the restored table is NOT usable as it is: keep it for inspection, do not put anything back from it");
            System.exit(1);
        }
        System.out.println(
                "checked. To put back what the live table lost (never over what it has): make restore ... PUT_BACK="
                        + restored);
    }
}
