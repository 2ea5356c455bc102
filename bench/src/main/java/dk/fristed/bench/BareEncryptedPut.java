package dk.fristed.bench;

import software.amazon.cryptography.dbencryptionsdk.dynamodb.DynamoDbEncryptionInterceptor;
import software.amazon.cryptography.dbencryptionsdk.dynamodb.model.DynamoDbTableEncryptionConfig;
import software.amazon.cryptography.dbencryptionsdk.dynamodb.model.DynamoDbTablesEncryptionConfig;
import software.amazon.cryptography.dbencryptionsdk.structuredencryption.model.CryptoAction;
import software.amazon.cryptography.materialproviders.MaterialProviders;
import software.amazon.cryptography.materialproviders.model.AesWrappingAlg;
import software.amazon.cryptography.materialproviders.model.CreateRawAesKeyringInput;
import software.amazon.cryptography.materialproviders.model.DBEAlgorithmSuiteId;
import software.amazon.cryptography.materialproviders.model.MaterialProvidersConfig;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Baseline (c): the floor of a function that must encrypt personal fields. Baseline (a)'s client and
 * PutItem, with the Database Encryption SDK's interceptor written straight from its documentation:
 * a raw AES keyring and the suite the functions use, one attribute signed, one encrypted. What this
 * costs over (a) is the SDK's own first use, which no function that encrypts can avoid.
 */
final class BareEncryptedPut {
    private BareEncryptedPut() {}

    static int run(boolean primed) {
        var keyring = MaterialProviders.builder()
                .MaterialProvidersConfig(MaterialProvidersConfig.builder().build())
                .build()
                .CreateRawAesKeyring(CreateRawAesKeyringInput.builder()
                        .keyNamespace("bench")
                        .keyName("field-key")
                        .wrappingKey(ByteBuffer.wrap(Base64.getDecoder().decode(System.getenv("LOCAL_FIELD_KEY"))))
                        .wrappingAlg(AesWrappingAlg.ALG_AES256_GCM_IV12_TAG16)
                        .build());
        String table = System.getenv("BENCH_TABLE");
        var config = DynamoDbTableEncryptionConfig.builder()
                .logicalTableName(table)
                .partitionKeyName("id")
                .attributeActionsOnEncrypt(Map.of(
                        "id",
                        CryptoAction.SIGN_ONLY,
                        "site",
                        CryptoAction.SIGN_ONLY,
                        "service",
                        CryptoAction.ENCRYPT_AND_SIGN))
                .algorithmSuiteId(DBEAlgorithmSuiteId.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY_SYMSIG_HMAC_SHA384)
                .keyring(keyring)
                .build();
        var interceptor = DynamoDbEncryptionInterceptor.builder()
                .config(DynamoDbTablesEncryptionConfig.builder()
                        .tableEncryptionConfigs(Map.of(table, config))
                        .build())
                .build();
        return BarePut.run(primed, Optional.of(interceptor));
    }
}
