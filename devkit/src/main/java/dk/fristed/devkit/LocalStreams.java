package dk.fristed.devkit;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.fristed.json.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Lambda's event source mapping does for a DynamoDB stream, on DynamoDB Local: reads each
 * subscribed table's stream from its start, keeps only the records a subscription's filter pattern
 * lets through (the subset of Lambda's filter grammar the template uses: exact values and
 * {@code exists}), and hands them to the function as the DynamodbEvent Lambda would, in order. A
 * record the function reports as failed is delivered again on the next {@link #deliver()}.
 */
public final class LocalStreams {
    private static final PojoSerializer<DynamodbEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(DynamodbEvent.class, LocalStreams.class.getClassLoader());
    private static final int BATCH_SIZE = 10;

    private final DynamoDbStreamsClient streams;
    private final List<Subscriber> subscribers = new ArrayList<>();

    private record Subscriber(
            SamTemplate.StreamSubscription subscription,
            String streamArn,
            List<JsonNode> patterns,
            RequestHandler<DynamodbEvent, StreamsEventResponse> handler,
            Map<String, String> positions) {}

    private LocalStreams(DynamoDbStreamsClient streams) {
        this.streams = streams;
    }

    /**
     * The template's stream subscriptions on these tables, each served by the handler {@code handlers}
     * gives for its function's logical id; a subscription it gives none for is left out (a test of one
     * function's erasure).
     */
    public static LocalStreams fromTemplate(
            SamTemplate template,
            LocalDynamo dynamo,
            Map<String, String> tableNames,
            java.util.function.Function<String, ? extends RequestHandler<?, ?>> handlers) {
        LocalStreams local = new LocalStreams(dynamo.streamsClient());
        for (var subscription : template.streamSubscriptions()) {
            RequestHandler<?, ?> handler = handlers.apply(subscription.functionLogicalId());
            if (handler == null) {
                continue;
            }
            String table = tableNames.get(subscription.tableLogicalId());
            String arn = dynamo.client()
                    .describeTable(r -> r.tableName(table))
                    .table()
                    .latestStreamArn();
            if (arn == null) {
                throw new IllegalStateException(
                        subscription.tableLogicalId() + " has no stream: give it a StreamSpecification");
            }
            List<JsonNode> patterns = new ArrayList<>();
            for (String pattern : subscription.filterPatterns()) {
                patterns.add(readTree(pattern));
            }
            local.subscribers.add(new Subscriber(subscription, arn, patterns, streamHandler(handler), new HashMap<>()));
        }
        return local;
    }

    /** A function with a DynamoDB event takes the DynamodbEvent and answers the partial batch response (template.yaml). */
    @SuppressWarnings("unchecked")
    private static RequestHandler<DynamodbEvent, StreamsEventResponse> streamHandler(RequestHandler<?, ?> handler) {
        return (RequestHandler<DynamodbEvent, StreamsEventResponse>) handler;
    }

    /** Delivers every record written so far that no subscriber has yet; answers how many it handed over. */
    public synchronized int deliver() {
        int delivered = 0;
        for (Subscriber subscriber : subscribers) {
            for (Shard shard : streams.describeStream(r -> r.streamArn(subscriber.streamArn()))
                    .streamDescription()
                    .shards()) {
                delivered += deliverShard(subscriber, shard.shardId());
            }
        }
        return delivered;
    }

    private int deliverShard(Subscriber subscriber, String shardId) {
        String after = subscriber.positions().get(shardId);
        String iterator = streams.getShardIterator(r -> r.streamArn(subscriber.streamArn())
                        .shardId(shardId)
                        .shardIteratorType(
                                after == null
                                        ? ShardIteratorType.TRIM_HORIZON
                                        : ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                        .sequenceNumber(after))
                .shardIterator();
        int delivered = 0;
        while (iterator != null) {
            String current = iterator;
            var result = streams.getRecords(r -> r.shardIterator(current).limit(BATCH_SIZE));
            if (result.records().isEmpty()) {
                break;
            }
            List<ObjectNode> passed = new ArrayList<>();
            for (Record record : result.records()) {
                ObjectNode json = lambdaRecord(record, subscriber.streamArn());
                if (subscriber.patterns().isEmpty()
                        || subscriber.patterns().stream().anyMatch(p -> matches(p, json))) {
                    passed.add(json);
                }
            }
            if (!passed.isEmpty()) {
                ObjectNode event = Json.mapper().createObjectNode();
                event.putArray("Records").addAll(passed);
                DynamodbEvent lambdaEvent = SERIALIZER.fromJson(
                        new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)));
                StreamsEventResponse response = subscriber
                        .handler()
                        .handleRequest(
                                lambdaEvent,
                                new LocalContext(subscriber.subscription().functionLogicalId()));
                if (response != null
                        && response.getBatchItemFailures() != null
                        && !response.getBatchItemFailures().isEmpty()) {
                    return delivered; // as Lambda: the failed record and those after it come again
                }
                delivered += passed.size();
            }
            subscriber
                    .positions()
                    .put(
                            shardId,
                            result.records()
                                    .get(result.records().size() - 1)
                                    .dynamodb()
                                    .sequenceNumber());
            iterator = result.nextShardIterator();
        }
        return delivered;
    }

    /** A stream record as Lambda puts it in the event (and as filter patterns see it). */
    static ObjectNode lambdaRecord(Record record, String streamArn) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("eventID", record.eventID());
        json.put("eventName", record.eventNameAsString());
        json.put("eventVersion", "1.1");
        json.put("eventSource", "aws:dynamodb");
        json.put("awsRegion", "eu-north-1");
        json.put("eventSourceARN", streamArn);
        ObjectNode dynamodb = json.putObject("dynamodb");
        var stream = record.dynamodb();
        if (stream.approximateCreationDateTime() != null) {
            dynamodb.put(
                    "ApproximateCreationDateTime",
                    stream.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.set("Keys", image(stream.keys()));
        if (stream.hasNewImage()) {
            dynamodb.set("NewImage", image(stream.newImage()));
        }
        if (stream.hasOldImage()) {
            dynamodb.set("OldImage", image(stream.oldImage()));
        }
        dynamodb.put("SequenceNumber", stream.sequenceNumber());
        dynamodb.put("SizeBytes", stream.sizeBytes());
        dynamodb.put("StreamViewType", stream.streamViewTypeAsString());
        return json;
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode image = Json.mapper().createObjectNode();
        item.forEach((name, value) -> image.set(name, attribute(value)));
        return image;
    }

    private static JsonNode attribute(AttributeValue value) {
        ObjectNode json = Json.mapper().createObjectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case B -> json.put("B", base64(value.b()));
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            case SS -> value.ss().forEach(json.putArray("SS")::add);
            case NS -> value.ns().forEach(json.putArray("NS")::add);
            case BS -> value.bs().forEach(b -> json.withArray("BS").add(base64(b)));
            case M -> json.set("M", image(value.m()));
            case L -> {
                ArrayNode list = json.putArray("L");
                value.l().forEach(v -> list.add(attribute(v)));
            }
            default -> throw new IllegalStateException("unknown attribute type " + value.type());
        }
        return json;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    /** Lambda's filter: every field of the pattern must match; a list matches if any of its rules does. */
    static boolean matches(JsonNode pattern, JsonNode value) {
        var fields = pattern.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode actual = value == null ? null : value.get(field.getKey());
            boolean ok = field.getValue().isArray()
                    ? anyRule(field.getValue(), actual)
                    : actual != null && matches(field.getValue(), actual);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyRule(JsonNode rules, JsonNode actual) {
        for (JsonNode rule : rules) {
            if (rule.isObject()) {
                if (!rule.has("exists") || rule.size() != 1) {
                    throw new IllegalArgumentException(
                            "LocalStreams supports exact values and {\"exists\": ...} only, not " + rule);
                }
                if (rule.get("exists").asBoolean() == (actual != null)) {
                    return true;
                }
            } else if (actual != null && actual.isValueNode() && actual.asText().equals(rule.asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("a filter pattern is not JSON: " + json, e);
        }
    }
}
