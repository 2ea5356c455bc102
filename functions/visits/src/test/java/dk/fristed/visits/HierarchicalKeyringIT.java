package dk.fristed.visits;

import dk.fristed.aws.ServerKey;
import dk.fristed.config.Environment;
import dk.fristed.devkit.BranchKeys;
import dk.fristed.devkit.FunctionTestbed;
import dk.fristed.devkit.LocalDynamo;
import dk.fristed.devkit.LocalKms;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.encryption.FieldEncryption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dk.fristed.visits.VisitsApi.patient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The deployed configuration: the visits function started from its environment as in AWS, with the
 * hierarchical keyring, a branch key created by {@code make branch-key}'s code in the key-store table,
 * and a stand-in KMS. Proves the whole path works and that KMS is asked per container (and branch-key
 * TTL), not per record.
 */
class HierarchicalKeyringIT {
    private final FunctionTestbed testbed = new FunctionTestbed();
    private final LocalKms kms = new LocalKms();
    private final Map<String, String> env = new HashMap<>();

    HierarchicalKeyringIT() throws Exception {
        // the function's environment as template.yaml declares it, pointed at the local services
        SamTemplate template = SamTemplate.ofProject();
        template.functions().stream()
                .filter(f -> f.logicalId().equals("VisitsFunction"))
                .findFirst()
                .orElseThrow()
                .environment()
                .forEach((name, value) -> env.put(name, template.resolveLocally(value, testbed.tables)));
        env.put("AWS_REGION", "eu-north-1");
        env.put("AWS_ACCESS_KEY_ID", LocalDynamo.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", LocalDynamo.SECRET_KEY);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", testbed.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_KMS", kms.endpoint().toString());
        env.put(ServerKey.LOCAL_KEY_VARIABLE, Base64.getEncoder().encodeToString(new byte[32]));
        env.put(FieldEncryption.FIELD_KEY_VARIABLE, LocalKms.KEY_ARN); // the stand-in KMS's one key
    }

    @AfterEach
    void stopKms() {
        kms.close();
    }

    @Test
    void branchKeyCreatedOnce_thenKmsCallsPerContainer_notPerRecord() {
        env.put(FieldEncryption.BRANCH_KEY_VARIABLE, BranchKeys.create(Environment.of(env)));
        int afterCreation = kms.calls().size();

        testbed.serve(new VisitsFunction(Environment.of(env)));
        List<String> helpNumbers = new ArrayList<>();
        registerAndRead(helpNumbers, 0, 2);
        // one unwrap of the active branch key (to encrypt) and one of its version (to decrypt)
        assertEquals(
                List.of("Decrypt", "Decrypt"),
                kms.calls().subList(afterCreation, kms.calls().size()));
        registerAndRead(helpNumbers, 2, 20);
        assertEquals(afterCreation + 2, kms.calls().size(), "twenty more records, no more KMS calls");

        // a second container (or a restart) reads the first one's records with its own unwrap
        testbed.serve(new VisitsFunction(Environment.of(env)));
        var read = testbed.call("GET", "/patients/" + helpNumbers.get(3), "clinician", null);
        assertEquals("Rami Haddad 3", read.body().get("name").asText());
        assertEquals(3, Collections.frequency(kms.calls(), "Decrypt"));

        String dump = testbed.raw
                .scan(r -> r.tableName(testbed.tables.get("PatientsTable")))
                .items()
                .toString();
        assertFalse(dump.contains("Rami") || dump.contains("Haddad"));
    }

    private void registerAndRead(List<String> helpNumbers, int from, int to) {
        for (int i = from; i < to; i++) {
            var created = testbed.call(
                    "POST", "/patients", "clinician", patient(1980 + i % 20, "male", "SY", "Rami Haddad " + i));
            assertEquals(201, created.status(), created.toString());
            helpNumbers.add(created.body().get("helpNumber").asText());
            assertEquals(
                    200,
                    testbed.call("GET", "/patients/" + helpNumbers.get(i), "clinician", null)
                            .status());
        }
    }

    @Test
    void rotation_newRecordsUseTheNewVersion_oldRecordsStillDecrypt() {
        String branchKey = BranchKeys.create(Environment.of(env));
        env.put(FieldEncryption.BRANCH_KEY_VARIABLE, branchKey);
        testbed.serve(new VisitsFunction(Environment.of(env)));
        String before = testbed.call("POST", "/patients", "clinician", patient(1991, "female", "ER", "Senait Tesfay"))
                .body()
                .get("helpNumber")
                .asText();

        String activeBefore = activeVersion();
        BranchKeys.rotate(Environment.of(env), branchKey);
        assertNotEquals(activeBefore, activeVersion());
        testbed.serve(new VisitsFunction(Environment.of(env))); // a container started after the rotation
        String after = testbed.call("POST", "/patients", "clinician", patient(1992, "female", "ER", "Mehret Tesfay"))
                .body()
                .get("helpNumber")
                .asText();

        assertEquals(
                "Senait Tesfay",
                testbed.call("GET", "/patients/" + before, "clinician", null)
                        .body()
                        .get("name")
                        .asText());
        assertEquals(
                "Mehret Tesfay",
                testbed.call("GET", "/patients/" + after, "clinician", null)
                        .body()
                        .get("name")
                        .asText());
        long versions = testbed.raw.scan(r -> r.tableName(testbed.tables.get("KeyStoreTable"))).items().stream()
                .filter(item -> item.get("type").s().startsWith("branch:version:"))
                .count();
        assertEquals(2, versions, "the key store keeps both versions");
    }

    private String activeVersion() {
        return testbed.raw.scan(r -> r.tableName(testbed.tables.get("KeyStoreTable"))).items().stream()
                .filter(item -> item.get("type").s().equals("branch:ACTIVE"))
                .map(item -> item.get("version").s())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void withoutABranchKey_theFunctionRefusesToStart() {
        var failure = assertThrows(IllegalStateException.class, () -> new VisitsFunction(Environment.of(env)));
        assertFalse(failure.getMessage().isBlank());
    }
}
