package dk.fristed.local;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.auth.Role;
import dk.fristed.aws.AwsClients;
import dk.fristed.config.Environment;
import dk.fristed.devkit.FreePort;
import dk.fristed.devkit.LocalDynamo;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/deploying.md's restore runbook on make run, as far as DynamoDB Local allows: the patients table
 * brought back into a new table (a copy here, a point-in-time restore in AWS) and checked through the
 * field encryption; a patient the live table lost put back from it, readable again through the API; and a
 * restored table that was changed, or read under another key, refused by the check.
 */
class RestoreIT {
    @TempDir
    Path dir;

    private LocalApi api;
    private final int dynamoPort = FreePort.next();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aLostPatient_isPutBackFromTheCheckedRestore_andReadAgain_whileWhatWasWrittenSinceStays() throws Exception {
        api = LocalApi.start(
                SamTemplate.ofProject(), dir.resolve("data"), dir.resolve("field-key"), FreePort.next(), dynamoPort);
        String clinician = api.authority().issue("nurse-1", List.of(Role.CLINICIAN));
        String kept = register(clinician, 1980);
        String lost = register(clinician, 1991);
        Environment env = local();

        String restored = Restore.restoredName("fristed-local-PatientsTable", Instant.now());
        var result = Restore.restore(
                env, "PatientsTable", "fristed-local-PatientsTable", restored, Optional.empty(), Optional.empty());
        assertTrue(result.ok(), result.report());
        assertEquals(2, result.restoredItems());
        assertEquals(2, result.readBack(), "both read back through the field encryption");

        // the loss: a patient's record gone from the live table; another changed after the backup
        var plain = AwsClients.dynamoDb(env);
        plain.deleteItem(r -> r.tableName("fristed-local-PatientsTable").key(key(lost)));
        assertEquals(404, get("/patients/" + lost, clinician).statusCode());
        var current = get("/patients/" + kept, clinician);
        var changed = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/patients/" + kept))
                        .PUT(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"birthYear\":1980,\"sex\":\"female\",\"nationality\":\"RO\","
                                                + "\"languages\":[\"ro\"],\"interpreterNeeded\":false,\"phone\":\"+45 20 00 00 09\"}"))
                        .header("Authorization", "Bearer " + clinician)
                        .header("Content-Type", "application/json")
                        .header("If-Match", current.headers().firstValue("etag").orElseThrow())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, changed.statusCode(), changed.body());

        assertEquals(1, Restore.putBack(env, restored, "fristed-local-PatientsTable"), "only what was lost");
        JsonNode back =
                Json.mapper().readTree(get("/patients/" + lost, clinician).body());
        assertEquals(1991, back.get("birthYear").asInt(), "the functions read the put-back record as they wrote it");
        JsonNode since =
                Json.mapper().readTree(get("/patients/" + kept, clinician).body());
        assertEquals("+45 20 00 00 09", since.get("phone").asText(), "the change made after the backup stays");
    }

    @Test
    void aRestoredTableChangedOrReadUnderAnotherKey_failsTheCheck() throws Exception {
        api = LocalApi.start(
                SamTemplate.ofProject(), dir.resolve("data"), dir.resolve("field-key"), FreePort.next(), dynamoPort);
        String clinician = api.authority().issue("nurse-1", List.of(Role.CLINICIAN));
        String patient = register(clinician, 1975);
        Environment env = local();
        String restored = Restore.restoredName("fristed-local-PatientsTable", Instant.now());
        assertTrue(Restore.restore(
                        env,
                        "PatientsTable",
                        "fristed-local-PatientsTable",
                        restored,
                        Optional.empty(),
                        Optional.empty())
                .ok());

        Map<String, String> otherKey = new HashMap<>(variables());
        otherKey.put("LOCAL_FIELD_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        var wrongKey = RestoreCheck.check(
                Environment.of(otherKey), "PatientsTable", "fristed-local-PatientsTable", restored, 25);
        assertFalse(wrongKey.ok(), wrongKey.report());

        AwsClients.dynamoDb(env)
                .updateItem(r -> r.tableName(restored)
                        .key(key(patient))
                        .updateExpression("SET birthYear = :year")
                        .expressionAttributeValues(Map.of(":year", AttributeValue.fromN("1950"))));
        var changed = RestoreCheck.check(env, "PatientsTable", "fristed-local-PatientsTable", restored, 25);
        assertFalse(changed.ok(), changed.report());
        assertTrue(changed.report().contains("FAILED"), changed.report());
    }

    private String register(String token, int birthYear) throws Exception {
        var created = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/patients"))
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"birthYear\":" + birthYear + ",\"sex\":\"female\","
                                                + "\"nationality\":\"RO\",\"languages\":[\"ro\"],\"interpreterNeeded\":false,\"name\":\"Ana\"}"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return Json.mapper().readTree(created.body()).get("helpNumber").asText();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return api.baseUrl();
    }

    private static Map<String, AttributeValue> key(String helpNumber) {
        return Map.of("helpNumber", AttributeValue.fromS(helpNumber.replace("-", "")));
    }

    /** What devkit/restore.sh sets for LOCAL=1: make run's DynamoDB Local and its field key. */
    private Map<String, String> variables() throws Exception {
        Map<String, String> variables =
                new HashMap<>(LocalDynamo.clientVariables(URI.create("http://127.0.0.1:" + dynamoPort)));
        variables.put(
                "LOCAL_FIELD_KEY", Files.readString(dir.resolve("field-key")).strip());
        return variables;
    }

    private Environment local() throws Exception {
        return Environment.of(variables());
    }
}
