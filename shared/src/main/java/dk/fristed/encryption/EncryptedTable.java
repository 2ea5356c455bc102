package dk.fristed.encryption;

import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.cryptography.dbencryptionsdk.structuredencryption.model.CryptoAction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which attributes of a table are encrypted before they reach DynamoDB. Read from the item's static
 * schema, so an attribute added later is encrypted unless someone decides otherwise: key and index-key
 * attributes are signed only (DynamoDB must read them), {@link #signedOnly} names the ones conditions or
 * statistics need in plaintext, {@link #unsigned} the ones other writes update in place (the SDK refuses
 * update expressions on signed attributes).
 */
public record EncryptedTable(
        String logicalName,
        String tableName,
        String partitionKey,
        Optional<String> sortKey,
        Set<String> keyAttributes,
        Map<String, CryptoAction> actions) {

    public EncryptedTable {
        keyAttributes = Set.copyOf(keyAttributes);
        actions = Map.copyOf(actions);
    }

    /**
     * Every attribute of {@code schema} encrypted and signed, but for its key and index-key attributes.
     * The logical name (template.yaml's logical id) is bound into every item's signature instead of the
     * physical name, so a table restored from a backup under a new name still decrypts.
     */
    public static EncryptedTable of(String logicalName, String tableName, TableSchema<?> schema) {
        TableMetadata metadata = schema.tableMetadata();
        Map<String, CryptoAction> actions = new LinkedHashMap<>();
        Set<String> keys = Set.copyOf(
                metadata.keyAttributes().stream().map(key -> key.name()).toList());
        schema.attributeNames()
                .forEach(attribute -> actions.put(
                        attribute, keys.contains(attribute) ? CryptoAction.SIGN_ONLY : CryptoAction.ENCRYPT_AND_SIGN));
        return new EncryptedTable(
                logicalName, tableName, metadata.primaryPartitionKey(), metadata.primarySortKey(), keys, actions);
    }

    /** These attributes stay readable (and signed): conditions or anonymous statistics need them. */
    public EncryptedTable signedOnly(String... attributes) {
        return with(CryptoAction.SIGN_ONLY, attributes);
    }

    /** These attributes are neither encrypted nor signed: other writes update them in place. */
    public EncryptedTable unsigned(String... attributes) {
        return with(CryptoAction.DO_NOTHING, attributes);
    }

    public Set<String> encryptedAttributes() {
        return attributes(CryptoAction.ENCRYPT_AND_SIGN);
    }

    public Set<String> unsignedAttributes() {
        return attributes(CryptoAction.DO_NOTHING);
    }

    private Set<String> attributes(CryptoAction action) {
        return Set.copyOf(actions.entrySet().stream()
                .filter(e -> e.getValue() == action)
                .map(Map.Entry::getKey)
                .toList());
    }

    private EncryptedTable with(CryptoAction action, String... attributes) {
        Map<String, CryptoAction> changed = new LinkedHashMap<>(actions);
        for (String attribute : List.of(attributes)) {
            if (!changed.containsKey(attribute)) {
                throw new IllegalArgumentException(attribute + " is not an attribute of " + tableName);
            }
            if (keyAttributes.contains(attribute)) {
                throw new IllegalArgumentException(
                        attribute + " is a key of " + tableName + ": it is always signed, never encrypted");
            }
            changed.put(attribute, action);
        }
        return new EncryptedTable(logicalName, tableName, partitionKey, sortKey, keyAttributes, changed);
    }
}
