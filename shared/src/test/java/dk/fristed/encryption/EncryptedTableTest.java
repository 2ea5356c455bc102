package dk.fristed.encryption;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.cryptography.dbencryptionsdk.structuredencryption.model.CryptoAction;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;

class EncryptedTableTest {
    /** A stand-in item: keys, an index key and three ordinary attributes. */
    static final class Item {
        String id;
        String date;
        String site;
        String name;
        String note;
        Long version;
    }

    private static final StaticTableSchema<Item> SCHEMA = StaticTableSchema.builder(Item.class)
            .newItemSupplier(Item::new)
            .addAttribute(
                    String.class,
                    a -> a.name("id")
                            .getter(i -> i.id)
                            .setter((i, v) -> i.id = v)
                            .tags(primaryPartitionKey()))
            .addAttribute(
                    String.class,
                    a -> a.name("date")
                            .getter(i -> i.date)
                            .setter((i, v) -> i.date = v)
                            .tags(primarySortKey()))
            .addAttribute(
                    String.class,
                    a -> a.name("site")
                            .getter(i -> i.site)
                            .setter((i, v) -> i.site = v)
                            .tags(secondaryPartitionKey("BySite")))
            .addAttribute(String.class, a -> a.name("name").getter(i -> i.name).setter((i, v) -> i.name = v))
            .addAttribute(String.class, a -> a.name("note").getter(i -> i.note).setter((i, v) -> i.note = v))
            .addAttribute(
                    Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v))
            .build();

    @Test
    void everythingButTheKeysIsEncryptedUnlessTheItemSaysOtherwise() {
        EncryptedTable table = EncryptedTable.of("ThingsTable", "prod-things", SCHEMA);

        assertEquals(Set.of("name", "note", "version"), table.encryptedAttributes());
        assertEquals(CryptoAction.SIGN_ONLY, table.actions().get("id"));
        assertEquals(CryptoAction.SIGN_ONLY, table.actions().get("date"));
        assertEquals(CryptoAction.SIGN_ONLY, table.actions().get("site"), "an index key must stay readable");
        assertEquals("id", table.partitionKey());
        assertEquals(Optional.of("date"), table.sortKey());
        assertEquals("ThingsTable", table.logicalName(), "bound into signatures: survives a restore under a new name");
    }

    @Test
    void optingOutNamesTheAttributes() {
        EncryptedTable table = EncryptedTable.of("ThingsTable", "prod-things", SCHEMA)
                .signedOnly("version")
                .unsigned("note");

        assertEquals(Set.of("name"), table.encryptedAttributes());
        assertEquals(Set.of("note"), table.unsignedAttributes());
        assertThrows(
                IllegalArgumentException.class,
                () -> table.signedOnly("nmae"),
                "a misspelt attribute is not silently ignored");
        assertThrows(IllegalArgumentException.class, () -> table.unsigned("site"), "keys stay signed");
        assertThrows(
                IllegalArgumentException.class, () -> table.signedOnly("id"), "and are never opted out of anything");
        assertEquals(
                Set.of("note", "version"),
                table.unsigned("version").unsignedAttributes(),
                "a signed attribute can be unsigned");
    }
}
