package dk.fristed.bench;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.UUID;

/**
 * Baseline (b): the naive style. A reflection-built BeanTableSchema, the default HTTP client
 * (Apache) and the default credential and region chains, then the same PutItem.
 */
final class NaivePut {
    private NaivePut() {}

    static int run() {
        System.setProperty(
                "software.amazon.awssdk.http.service.impl", "software.amazon.awssdk.http.apache.ApacheSdkHttpService");
        try (DynamoDbClient dynamo = DynamoDbClient.create()) { // endpoint from AWS_ENDPOINT_URL_DYNAMODB
            var table = DynamoDbEnhancedClient.builder()
                    .dynamoDbClient(dynamo)
                    .build()
                    .table(System.getenv("BENCH_TABLE"), TableSchema.fromBean(Record.class));
            Record record = new Record();
            record.setId(UUID.randomUUID().toString());
            record.setSite("odense");
            record.setService("doctor");
            table.putItem(record);
            return 200;
        }
    }

    @DynamoDbBean
    public static class Record {
        private String id;
        private String site;
        private String service;

        @DynamoDbPartitionKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getSite() {
            return site;
        }

        public void setSite(String site) {
            this.site = site;
        }

        public String getService() {
            return service;
        }

        public void setService(String service) {
            this.service = service;
        }
    }
}
