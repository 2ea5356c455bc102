package dk.fristed.local;

import dk.fristed.aws.ServerKey;
import dk.fristed.config.Environment;
import dk.fristed.devkit.BranchKeys;
import dk.fristed.devkit.LocalGateway;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.devkit.StackSmoke;
import dk.fristed.encryption.FieldEncryption;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For developers with Docker: the functions, run in this JVM, against LocalStack's DynamoDB and KMS,
 * reached only through the standard AWS_ENDPOINT_URL variable, with the server key derived through KMS
 * and the fields encrypted under a branch key as in AWS, driven through the smoke test's steps.
 * ({@code make localstack} deploys the whole stack instead.) Skipped, not failed, where no Docker engine runs (as on our own machines and CI).
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIT {
    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
                    DockerImageName.parse("localstack/localstack:3.8"))
            .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.KMS);

    @Test
    void functions_onLocalStack_passTheSmokeTest() {
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        Region region = Region.of(LOCALSTACK.getRegion());
        SamTemplate template = SamTemplate.ofProject();
        Map<String, String> tables = new HashMap<>();
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                        .endpointOverride(LOCALSTACK.getEndpoint())
                        .credentialsProvider(credentials)
                        .region(region)
                        .build();
                KmsClient kms = KmsClient.builder()
                        .endpointOverride(LOCALSTACK.getEndpoint())
                        .credentialsProvider(credentials)
                        .region(region)
                        .build()) {
            template.tables().forEach(table -> {
                dynamo.createTable(table.createRequest("ls-" + table.logicalId()));
                tables.put(table.logicalId(), "ls-" + table.logicalId());
            });
            String hmacKey = kms.createKey(r -> r.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC))
                    .keyMetadata()
                    .arn();

            Map<String, String> variables = new HashMap<>();
            variables.put("AWS_ENDPOINT_URL", LOCALSTACK.getEndpoint().toString());
            variables.put("AWS_REGION", LOCALSTACK.getRegion());
            variables.put("AWS_ACCESS_KEY_ID", LOCALSTACK.getAccessKey());
            variables.put("AWS_SECRET_ACCESS_KEY", LOCALSTACK.getSecretKey());
            variables.put(ServerKey.KMS_KEY_VARIABLE, hmacKey);
            // client-side encryption as deployed: a branch key created under a KMS key, as make branch-key does
            variables.put(
                    FieldEncryption.FIELD_KEY_VARIABLE,
                    kms.createKey(r -> r.keySpec(KeySpec.SYMMETRIC_DEFAULT))
                            .keyMetadata()
                            .arn());
            variables.put(FieldEncryption.KEY_STORE_TABLE_VARIABLE, tables.get("KeyStoreTable"));
            variables.put(FieldEncryption.BRANCH_KEY_VARIABLE, BranchKeys.create(Environment.of(variables)));
            LocalGateway gateway = LocalGateway.fromTemplate(template, tables, variables);

            // the same steps make localstack runs against the deployed stack
            assertEquals(10, new StackSmoke(gateway, System.out).run());
        }
    }
}
