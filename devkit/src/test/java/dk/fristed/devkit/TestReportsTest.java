package dk.fristed.devkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** make test's guard: a class without a fresh report, or a skip without a reason, fails the run whatever Maven said. */
class TestReportsTest {
    private static final FileTime STARTED = FileTime.from(Instant.parse("2026-12-07T10:00:00Z"));

    @TempDir
    Path root;

    @Test
    void everyClassReported_passesAndCountsWhatRan() throws Exception {
        module("functions/referrals", "ReferralsIT", "ReferralWorkflowTest");
        report(
                "functions/referrals",
                "ReferralsIT",
                3,
                0,
                0,
                0,
                STARTED.toInstant().plusSeconds(5));
        report(
                "functions/referrals",
                "ReferralWorkflowTest",
                5,
                0,
                0,
                1,
                STARTED.toInstant().plusSeconds(6));

        String out = summary(true);

        assertTrue(out.contains("functions/referrals 2/2"), out);
        assertTrue(out.contains("2 of 2 test classes reported"), out);
        assertTrue(out.endsWith("tests: 7 passed, 0 failed, 1 skipped\n"), out);
    }

    @Test
    void classWithoutReport_failsNamingIt() throws Exception {
        module("functions/referrals", "ReferralRequestFuzzTest", "ReferralTransitionsIT");
        report(
                "functions/referrals",
                "ReferralRequestFuzzTest",
                2,
                0,
                0,
                0,
                STARTED.toInstant().plusSeconds(5));

        String out = summary(false);

        assertTrue(out.contains("functions/referrals: ReferralTransitionsIT left no report"), out);
        assertTrue(out.contains("1 of 2 test classes reported"), out);
    }

    @Test
    void reportFromAnEarlierRun_countsAsMissing() throws Exception {
        module("shared", "HelpNumberTest", "JsonTest");
        report("shared", "HelpNumberTest", 4, 0, 0, 0, STARTED.toInstant().minusSeconds(60));
        report("shared", "JsonTest", 9, 0, 0, 0, STARTED.toInstant().plusSeconds(2));

        String out = summary(false);

        assertTrue(out.contains("shared: HelpNumberTest left no report"), out);
        assertTrue(out.endsWith("tests: 9 passed, 0 failed, 0 skipped\n"), out);
    }

    @Test
    void moduleWithoutAnyReport_isNamedOnce() throws Exception {
        module("local", "LocalApiIT", "RoleMatrixIT");

        String out = summary(false);

        assertTrue(out.contains("local: none of its 2 test classes reported"), out);
        assertFalse(out.contains("RoleMatrixIT"), out);
    }

    @Test
    void failuresAndErrors_failTheRun() throws Exception {
        module("shared", "HelpNumberTest");
        report("shared", "HelpNumberTest", 4, 1, 1, 0, STARTED.toInstant().plusSeconds(1));

        assertTrue(summary(false).endsWith("tests: 2 passed, 2 failed, 0 skipped\n"));
    }

    @Test
    void skipWithoutReason_failsTheRun() throws Exception {
        module("local", "LocalStackIT");
        write(
                "local/target/surefire-reports/TEST-dk.fristed.LocalStackIT.xml",
                """
                <testsuite name="dk.fristed.LocalStackIT" tests="1" errors="0" skipped="1" failures="0">
                  <testcase name="smoke" classname="dk.fristed.LocalStackIT"><skipped/></testcase>
                </testsuite>""",
                STARTED.toInstant().plusSeconds(1));

        assertTrue(summary(false).contains("local: LocalStackIT.smoke was skipped without saying why"));
    }

    @Test
    void abstractClassesAndHelpers_areNotTestClasses() throws Exception {
        Path sources = root.resolve("shared/src/test/java/dk/fristed");
        Files.createDirectories(sources);
        Files.writeString(
                sources.resolve("ApiContractTest.java"), "package dk.fristed;\nabstract class ApiContractTest {}\n");
        Files.writeString(sources.resolve("Fixtures.java"), "package dk.fristed;\nclass Fixtures {}\n");
        Files.writeString(sources.resolve("JsonTest.java"), "package dk.fristed;\nclass JsonTest {}\n");

        assertEquals(List.of("dk.fristed.JsonTest"), TestReports.testClasses(root.resolve("shared/src/test/java")));
    }

    private String summary(boolean expectedPass) throws Exception {
        Files.writeString(
                root.resolve("pom.xml"),
                "<modules><module>shared</module><module>functions/referrals</module>"
                        + "<module>local</module><module>bench</module></modules>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean passed = TestReports.summarise(
                TestReports.check(root, STARTED), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        if (expectedPass) {
            assertTrue(passed, out);
        } else {
            assertFalse(passed, out);
        }
        return out;
    }

    private void module(String module, String... testClasses) throws Exception {
        Path sources = root.resolve(module).resolve("src/test/java/dk/fristed");
        Files.createDirectories(sources);
        for (String testClass : testClasses) {
            Files.writeString(
                    sources.resolve(testClass + ".java"), "package dk.fristed;\n\nclass " + testClass + " {}\n");
        }
    }

    private void report(
            String module, String testClass, int tests, int failures, int errors, int skipped, Instant written)
            throws Exception {
        write(
                module + "/target/surefire-reports/TEST-dk.fristed." + testClass + ".xml",
                "<testsuite name=\"dk.fristed." + testClass + "\" tests=\"" + tests + "\" errors=\"" + errors
                        + "\" skipped=\"" + skipped + "\" failures=\"" + failures + "\">"
                        + (skipped > 0
                                ? "<testcase name=\"t\" classname=\"dk.fristed." + testClass
                                        + "\"><skipped message=\"needs Docker\"/></testcase>"
                                : "")
                        + "</testsuite>",
                written);
    }

    private void write(String path, String content, Instant modified) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
