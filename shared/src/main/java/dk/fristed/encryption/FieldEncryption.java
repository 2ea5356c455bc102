package dk.fristed.encryption;

import dk.fristed.aws.AwsClients;
import dk.fristed.config.Environment;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.cryptography.dbencryptionsdk.dynamodb.DynamoDbEncryptionInterceptor;
import software.amazon.cryptography.dbencryptionsdk.dynamodb.itemencryptor.DynamoDbItemEncryptor;
import software.amazon.cryptography.dbencryptionsdk.dynamodb.itemencryptor.model.DecryptItemInput;
import software.amazon.cryptography.dbencryptionsdk.dynamodb.itemencryptor.model.DynamoDbItemEncryptorConfig;
import software.amazon.cryptography.dbencryptionsdk.dynamodb.itemencryptor.model.EncryptItemInput;
import software.amazon.cryptography.dbencryptionsdk.dynamodb.model.DynamoDbTableEncryptionConfig;
import software.amazon.cryptography.dbencryptionsdk.dynamodb.model.DynamoDbTablesEncryptionConfig;
import software.amazon.cryptography.keystore.KeyStore;
import software.amazon.cryptography.keystore.model.KMSConfiguration;
import software.amazon.cryptography.keystore.model.KeyStoreConfig;
import software.amazon.cryptography.materialproviders.IKeyring;
import software.amazon.cryptography.materialproviders.MaterialProviders;
import software.amazon.cryptography.materialproviders.model.AesWrappingAlg;
import software.amazon.cryptography.materialproviders.model.CacheType;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsHierarchicalKeyringInput;
import software.amazon.cryptography.materialproviders.model.CreateRawAesKeyringInput;
import software.amazon.cryptography.materialproviders.model.DBEAlgorithmSuiteId;
import software.amazon.cryptography.materialproviders.model.DefaultCache;
import software.amazon.cryptography.materialproviders.model.MaterialProvidersConfig;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Client-side encryption of personal fields with the AWS Database Encryption SDK, on top of the tables'
 * KMS encryption at rest: an item's personal attributes are encrypted and the item signed before it
 * leaves the function, so neither DynamoDB nor anyone reading the table sees them.
 *
 * <p>In AWS the keyring is KMS's hierarchical keyring: a branch key kept in the key-store table,
 * wrapped by the stack's FieldKey, unwrapped by KMS twice (the active version, the version being read)
 * per container and {@link #BRANCH_KEY_TTL_SECONDS}, rather than once per record. Locally the runner and the tests give a raw AES key instead.
 * A function with neither refuses to start: personal data is never written in plaintext by accident.
 */
public final class FieldEncryption {
    public static final String BRANCH_KEY_VARIABLE = "BRANCH_KEY_ID";
    public static final String KEY_STORE_TABLE_VARIABLE = "KEY_STORE_TABLE";
    public static final String FIELD_KEY_VARIABLE = "FIELD_KEY_ARN";
    /** Base64 of a 256-bit AES key; only the local runner sets it. */
    public static final String LOCAL_KEY_VARIABLE = "LOCAL_FIELD_KEY";
    /** Bound into every branch key's encryption context: it must never change once keys exist. */
    public static final String KEY_STORE_NAME = "fristed-field-keys";

    public static final long BRANCH_KEY_TTL_SECONDS = 600;
    /** The active branch key and its versions in use: a handful after years of yearly rotation. */
    static final int BRANCH_KEY_CACHE_ENTRIES = 16;
    /**
     * HMAC-signed, without the default suite's extra ECDSA signature: the same functions write and read,
     * so an asymmetric signature proves nothing more, and it costs a P-384 signing per write, about 100
     * bytes per item and cold-start class loading.
     */
    private static final DBEAlgorithmSuiteId SUITE =
            DBEAlgorithmSuiteId.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_SYMSIG_HMAC_SHA384;

    private final IKeyring keyring;

    private FieldEncryption(IKeyring keyring) {
        this.keyring = keyring;
    }

    public static FieldEncryption fromEnvironment(Environment env) {
        var local = env.find(LOCAL_KEY_VARIABLE);
        if (local.isPresent()) {
            return rawAes(Base64.getDecoder().decode(local.get()));
        }
        String branchKeyId = env.find(BRANCH_KEY_VARIABLE)
                .orElseThrow(() -> new IllegalStateException(BRANCH_KEY_VARIABLE
                        + " is not set: create the branch key once (make branch-key) and deploy with"
                        + " BranchKeyId=<its id>; personal data is not written without encryption"));
        return new FieldEncryption(materialProviders()
                .CreateAwsKmsHierarchicalKeyring(CreateAwsKmsHierarchicalKeyringInput.builder()
                        .keyStore(keyStore(env))
                        .branchKeyId(branchKeyId)
                        .ttlSeconds(BRANCH_KEY_TTL_SECONDS)
                        // the active key (to encrypt) and each version read (to decrypt) are separate entries;
                        // with room for one they evict each other and every other call goes to KMS
                        .cache(CacheType.builder()
                                .Default(DefaultCache.builder()
                                        .entryCapacity(BRANCH_KEY_CACHE_ENTRIES)
                                        .build())
                                .build())
                        .build()));
    }

    /** The key store the hierarchical keyring reads, and {@code make branch-key} writes. */
    public static KeyStore keyStore(Environment env) {
        return KeyStore.builder()
                .KeyStoreConfig(KeyStoreConfig.builder()
                        .ddbClient(AwsClients.dynamoDb(env))
                        .ddbTableName(env.require(KEY_STORE_TABLE_VARIABLE))
                        .logicalKeyStoreName(KEY_STORE_NAME)
                        .kmsClient(AwsClients.kms(env))
                        .kmsConfiguration(KMSConfiguration.builder()
                                .kmsKeyArn(env.require(FIELD_KEY_VARIABLE))
                                .build())
                        .build())
                .build();
    }

    /** A raw AES-256 keyring, for the local runner and the tests only. */
    public static FieldEncryption rawAes(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the local field key must be 32 bytes (AES-256)");
        }
        return new FieldEncryption(materialProviders()
                .CreateRawAesKeyring(CreateRawAesKeyringInput.builder()
                        .keyNamespace("fristed-local")
                        .keyName("field-key")
                        .wrappingKey(ByteBuffer.wrap(key.clone()))
                        .wrappingAlg(AesWrappingAlg.ALG_AES256_GCM_IV12_TAG16)
                        .build()));
    }

    /** The interceptor a DynamoDB client needs to encrypt, sign, verify and decrypt these tables' items. */
    public ExecutionInterceptor interceptor(List<EncryptedTable> tables) {
        Map<String, DynamoDbTableEncryptionConfig> configs = new HashMap<>();
        tables.forEach(table -> configs.put(table.tableName(), config(table)));
        return DynamoDbEncryptionInterceptor.builder()
                .config(DynamoDbTablesEncryptionConfig.builder()
                        .tableEncryptionConfigs(configs)
                        .build())
                .build();
    }

    /**
     * Encrypts and decrypts one made-up item per table in memory, writing nothing: about 1,700 classes
     * of the SDK's generated code (and, in AWS, the branch key) are loaded before a SnapStart snapshot
     * instead of on the first request after a restore. Same configuration as the interceptor's.
     */
    public void warmUp(List<EncryptedTable> tables) {
        for (EncryptedTable table : tables) {
            var config = config(table);
            var encryptor = DynamoDbItemEncryptor.builder()
                    .DynamoDbItemEncryptorConfig(DynamoDbItemEncryptorConfig.builder()
                            .logicalTableName(config.logicalTableName())
                            .partitionKeyName(config.partitionKeyName())
                            .sortKeyName(config.sortKeyName())
                            .attributeActionsOnEncrypt(config.attributeActionsOnEncrypt())
                            .allowedUnsignedAttributes(config.allowedUnsignedAttributes())
                            .algorithmSuiteId(config.algorithmSuiteId())
                            .keyring(config.keyring())
                            .build())
                    .build();
            Map<String, AttributeValue> item = new HashMap<>();
            table.actions().keySet().forEach(attribute -> item.put(attribute, AttributeValue.fromS("priming")));
            var encrypted = encryptor.EncryptItem(
                            EncryptItemInput.builder().plaintextItem(item).build())
                    .encryptedItem();
            encryptor.DecryptItem(
                    DecryptItemInput.builder().encryptedItem(encrypted).build());
        }
    }

    /** The one place that turns a table's attribute actions into the SDK's configuration. */
    private DynamoDbTableEncryptionConfig config(EncryptedTable table) {
        var config = DynamoDbTableEncryptionConfig.builder()
                .logicalTableName(table.logicalName())
                .partitionKeyName(table.partitionKey())
                .attributeActionsOnEncrypt(table.actions())
                .algorithmSuiteId(SUITE)
                .keyring(keyring);
        table.sortKey().ifPresent(config::sortKeyName);
        if (!table.unsignedAttributes().isEmpty()) {
            config.allowedUnsignedAttributes(new ArrayList<>(table.unsignedAttributes()));
        }
        return config.build();
    }

    private static MaterialProviders materialProviders() {
        return MaterialProviders.builder()
                .MaterialProvidersConfig(MaterialProvidersConfig.builder().build())
                .build();
    }
}
