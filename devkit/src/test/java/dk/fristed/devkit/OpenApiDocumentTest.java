package dk.fristed.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** openapi.json describes exactly template.yaml's routes, in the subset where 3.0 and 3.1 agree. */
class OpenApiDocumentTest {
    /** Keywords whose meaning differs between OpenAPI 3.0 and 3.1 schemas, or exist in one only. */
    private static final Set<String> VERSION_SPECIFIC = Set.of(
            "nullable",
            "const",
            "prefixItems",
            "$defs",
            "examples",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "if",
            "then",
            "else",
            "dependentSchemas",
            "unevaluatedProperties",
            "contentEncoding",
            "contentMediaType",
            "$schema",
            "webhooks");

    private final JsonNode document = read();

    @Test
    void everyRouteInTemplate_isDescribed_andNothingElse() {
        Set<String> described = new TreeSet<>();
        document.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (!method.equals("parameters")) {
                        described.add(method.toUpperCase() + " " + path.getKey());
                    }
                }));
        Set<String> deployed = new TreeSet<>();
        SamTemplate.ofProject().functions().forEach(f -> f.routes().forEach(r -> deployed.add(r.key())));

        assertEquals(deployed, described);
    }

    @Test
    void document_isOpenApi31_keepingToWhat30And31MeanAlike() {
        assertEquals("3.1.0", document.get("openapi").asText());
        List<String> found = new ArrayList<>();
        walk(document, "", found);
        assertEquals(List.of(), found, "these keywords mean different things in 3.0 and 3.1");
    }

    @Test
    void contract_rejectsAResponseThatDriftsFromTheDescription() {
        String extraField =
                "{\"type\":\"https://fristed.dk/problems/invalid-request\",\"title\":\"t\",\"status\":400,\"detail\":\"d\",\"leak\":\"x\"}";
        assertThrows(
                AssertionError.class,
                () -> OpenApiContract.assertResponseValid(
                        "GET",
                        "/visits",
                        400,
                        java.util.Map.of("Content-Type", "application/problem+json"),
                        extraField));
        // a kind of problem the description does not list: a client would have nothing to branch on
        String unlisted = "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":400,\"detail\":\"d\"}";
        assertThrows(
                AssertionError.class,
                () -> OpenApiContract.assertResponseValid(
                        "GET", "/visits", 400, java.util.Map.of("Content-Type", "application/problem+json"), unlisted));
        OpenApiContract.assertResponseValid(
                "GET",
                "/visits",
                400,
                java.util.Map.of("Content-Type", "application/problem+json"),
                "{\"type\":\"https://fristed.dk/problems/invalid-request\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"d\"}");
        assertThrows(
                AssertionError.class,
                () -> OpenApiContract.assertResponseValid(
                        "GET", "/visits", 418, java.util.Map.of("Content-Type", "application/problem+json"), "{}"));
    }

    @Test
    void aTransitionBody_takesExactlyWhatItsActionRecords() {
        String referral = "/referrals/q7rqww35e2/transitions";
        assertTrue(OpenApiContract.requestMatches(
                "POST", referral, "{\"action\":\"reject\",\"reason\":\"no_health_rights\"}"));
        assertFalse(
                OpenApiContract.requestMatches("POST", referral, "{\"action\":\"reject\"}"), "reject without a reason");
        assertFalse(
                OpenApiContract.requestMatches(
                        "POST", referral, "{\"action\":\"send\",\"reason\":\"no_health_rights\"}"),
                "a reason is only for reject");
        assertFalse(OpenApiContract.requestMatches("POST", referral, "{\"action\":\"cancel\"}"), "cancel says why");
        assertTrue(OpenApiContract.requestMatches("POST", referral, "{\"action\":\"send\",\"date\":\"2025-03-04\"}"));
        String invoice = "/invoices/q7rqww35e2/transitions";
        assertTrue(OpenApiContract.requestMatches(
                "POST", invoice, "{\"action\":\"pay\",\"amount\":100,\"currency\":\"DKK\"}"));
        assertFalse(OpenApiContract.requestMatches("POST", invoice, "{\"action\":\"pay\"}"), "pay without an amount");
        assertFalse(
                OpenApiContract.requestMatches("POST", invoice, "{\"action\":\"request_credit\"}"),
                "request_credit without a channel");
        assertTrue(OpenApiContract.requestMatches("POST", invoice, "{\"action\":\"credit_in_full\"}"));
        assertFalse(OpenApiContract.requestMatches(
                "POST", invoice, "{\"action\":\"close\",\"amount\":1,\"currency\":\"DKK\"}"));
    }

    private static void walk(JsonNode node, String at, List<String> found) {
        node.fields().forEachRemaining(field -> {
            boolean inPropertyNames = at.endsWith("/properties");
            if (!inPropertyNames && VERSION_SPECIFIC.contains(field.getKey())) {
                found.add(at + "/" + field.getKey());
            }
            if (!inPropertyNames
                    && field.getKey().equals("type")
                    && field.getValue().isArray()) {
                found.add(at + "/type (array)");
            }
            walk(field.getValue(), at + "/" + field.getKey(), found);
        });
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, found);
            }
        }
    }

    private static JsonNode read() {
        try {
            return Json.mapper().readTree(OpenApiContract.DOCUMENT.toFile());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
