package dk.fristed.devkit;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dk.fristed.devkit.SamTemplate.map;

/** An {@code AWS::DynamoDB::Table} of template.yaml, turned into the CreateTable request that makes it locally. */
public record TableDefinition(String logicalId, Map<String, Object> properties) {

    public CreateTableRequest createRequest(String tableName) {
        var request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(list(properties.get("AttributeDefinitions")).stream()
                        .map(d -> AttributeDefinition.builder()
                                .attributeName((String) d.get("AttributeName"))
                                .attributeType((String) d.get("AttributeType"))
                                .build())
                        .toList())
                .keySchema(keySchema(properties.get("KeySchema")));
        List<Map<String, Object>> indexes = list(properties.get("GlobalSecondaryIndexes"));
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes.stream()
                    .map(index -> GlobalSecondaryIndex.builder()
                            .indexName((String) index.get("IndexName"))
                            .keySchema(keySchema(index.get("KeySchema")))
                            .projection(projection(map(index.get("Projection"))))
                            .build())
                    .toList());
        }
        streamViewType()
                .ifPresent(view ->
                        request.streamSpecification(s -> s.streamEnabled(true).streamViewType(view)));
        return request.build();
    }

    /** The table's stream view type, if template.yaml gives it a stream. */
    public Optional<String> streamViewType() {
        return Optional.ofNullable(
                (String) map(properties.get("StreamSpecification")).get("StreamViewType"));
    }

    /** The attribute DynamoDB's time to live removes items by, if the table has one. */
    public Optional<String> timeToLiveAttribute() {
        Map<String, Object> ttl = map(properties.get("TimeToLiveSpecification"));
        return Boolean.TRUE.equals(ttl.get("Enabled"))
                ? Optional.of((String) ttl.get("AttributeName"))
                : Optional.empty();
    }

    private static List<KeySchemaElement> keySchema(Object value) {
        return list(value).stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType"))
                        .build())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Projection projection(Map<String, Object> projection) {
        var builder = Projection.builder().projectionType((String) projection.getOrDefault("ProjectionType", "ALL"));
        if (projection.containsKey("NonKeyAttributes")) {
            builder.nonKeyAttributes((List<String>) projection.get("NonKeyAttributes"));
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
