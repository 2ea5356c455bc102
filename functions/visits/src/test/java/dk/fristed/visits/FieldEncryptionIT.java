package dk.fristed.visits;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dk.fristed.visits.VisitsApi.patient;
import static dk.fristed.visits.VisitsApi.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal fields are encrypted before they reach DynamoDB: every table, read with a plain client as
 * anyone with access to the tables (or a backup of them) would read it, holds no seeded name, phone
 * number, language or diagnosis, while the API, which has the key, reads them back.
 */
class FieldEncryptionIT {
    private static final String NAME = "Ioana Dumitrescu-Vlad";
    private static final String NEW_NAME = "Ioana Vlad";
    private static final String PHONE = "+45 31 41 59 26";
    private static final List<String> DIAGNOSES = List.of("P76", "W78", "T90");

    private final VisitsApi api = new VisitsApi();

    @Test
    void noTableHoldsASeededNamePhoneNumberOrDiagnosisInPlaintext() {
        var body = patient(1990, "female", "RO", NAME);
        body.put("phone", PHONE);
        body.put("languages", List.of("ro", "hu"));
        var created =
                api.call("POST", "/patients", "coordinator", body, Map.of("Idempotency-Key", "encryption-test-1"));
        String helpNumber = created.body().get("helpNumber").asText();
        var first = visit(helpNumber, "odense", "2025-02-03", "psychologist", DIAGNOSES.get(0), DIAGNOSES.get(1));
        first.put("interpreterLanguage", "hu");
        api.call("POST", "/visits", "clinician", first, Map.of("Idempotency-Key", "encryption-test-2"));
        api.call(
                "POST", "/visits", "clinician", visit(helpNumber, "odense", "2025-01-20", "midwife", DIAGNOSES.get(2)));
        body.put("name", NEW_NAME);
        assertEquals(
                200,
                api.call("PUT", "/patients/" + helpNumber, "clinician", body, Map.of("If-Match", "\"1\""))
                        .status());

        // the API, which holds the key, reads everything back
        var read = api.call("GET", "/patients/" + helpNumber, "clinician", null).body();
        assertEquals(NEW_NAME, read.get("name").asText());
        assertEquals(PHONE, read.get("phone").asText());
        var visits = api.call("GET", "/patients/" + helpNumber + "/visits", "clinician", null)
                .body()
                .get("items")
                .toString();
        for (String code : DIAGNOSES) {
            assertTrue(visits.contains(code), code);
        }
        var duplicates = api.call(
                "GET", "/patients?birthYear=1990&sex=female&nationality=RO&name=Ioana%20Vlad", "clinician", null);
        assertEquals(
                "exact", duplicates.body().get("items").get(0).get("nameMatch").asText());

        List<Map<String, AttributeValue>> everything = new ArrayList<>();
        api.tables
                .values()
                .forEach(table ->
                        everything.addAll(api.raw.scan(r -> r.tableName(table)).items()));
        String dump = everything.toString();
        for (String personal : List.of(
                "Ioana", "Dumitrescu", "Vlad", "31 41 59 26", "psychologist", "PSYCHOLOGIST", "midwife", "MIDWIFE")) {
            assertFalse(dump.contains(personal), "stored in plaintext: " + personal.charAt(0) + "…");
        }
        for (Map<String, AttributeValue> item : everything) {
            for (AttributeValue value : item.values()) {
                List<String> strings = value.hasL()
                        ? value.l().stream().map(AttributeValue::s).toList()
                        : value.s() != null ? List.of(value.s()) : List.of();
                for (String text : strings) {
                    assertFalse(
                            DIAGNOSES.contains(text) || List.of("ro", "hu").contains(text),
                            "a diagnosis or language in plaintext");
                }
            }
        }
    }

    @Test
    void encryptedItemsAreSigned_aChangedPlaintextAttributeIsNeverServed() {
        String helpNumber = api.registerPatient("Ana Popescu");
        var key = Map.of("helpNumber", AttributeValue.fromS(helpNumber.replace("-", "")));
        var stored = api.raw
                .getItem(r -> r.tableName(api.tables.get("PatientsTable")).key(key))
                .item();
        assertTrue(stored.get("name").b() != null, "name is stored as ciphertext");
        assertTrue(
                stored.containsKey("aws_dbe_head") && stored.containsKey("aws_dbe_foot"),
                "the SDK's header and signature");

        // someone with write access to the table changes the birth year, which is stored readable
        api.raw.updateItem(r -> r.tableName(api.tables.get("PatientsTable"))
                .key(key)
                .updateExpression("SET birthYear = :year")
                .expressionAttributeValues(Map.of(":year", AttributeValue.fromN("1950"))));

        var read = api.call("GET", "/patients/" + helpNumber, "clinician", null);
        assertEquals(500, read.status());
        assertFalse(read.body().toString().contains("Popescu"));
        assertFalse(api.logOutput().contains("Popescu"));
        assertTrue(
                api.logOutput().contains("\"failed\":\"encryption\""),
                "counted by the encryption-failures alarm: " + api.logOutput());
    }
}
