package dk.fristed.devkit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * `make test`: openapi.json through Spectral, an OpenAPI linter from npm, pinned with its lockfile in
 * devkit/openapi-lint and installed there on first use; the rules are .spectral.yaml's, and a warning
 * fails as an error does. Without npm the test is skipped and says so, except in CI (.ci/run sets
 * FRISTED_REQUIRE_LINT=1), where it fails.
 */
class OpenApiLintTest {
    private static final Path ROOT = SamTemplate.projectRoot();
    private static final Path LINTER = ROOT.resolve("devkit/openapi-lint");
    private static final Path SPECTRAL = LINTER.resolve("node_modules/.bin/spectral");

    @BeforeAll
    static void spectralIsInstalled() throws Exception {
        if (!Files.isExecutable(SPECTRAL)) {
            Run install;
            try {
                install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), LINTER);
            } catch (IOException noNpm) {
                String why =
                        "npm is not installed, so openapi.json was not linted (Node.js 20 with npm installs Spectral here)";
                if ("1".equals(System.getenv("FRISTED_REQUIRE_LINT"))) {
                    fail(why);
                }
                System.out.println("SKIPPED: " + why);
                Assumptions.abort(why);
                return;
            }
            assertEquals(0, install.exitCode, "npm ci in devkit/openapi-lint failed:\n" + install.output);
        }
    }

    @Test
    void openapiJson_passesTheLinter() throws Exception {
        Run lint = lint(ROOT.resolve("openapi.json"));
        assertEquals(0, lint.exitCode, "Spectral found problems in openapi.json:\n" + lint.output);
    }

    @Test
    void theLinter_catchesAnOperationWithoutResponses(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("openapi.json");
        String description = Files.readString(ROOT.resolve("openapi.json"));
        Files.writeString(broken, description.replaceFirst("\"responses\"", "\"answers\""));

        Run lint = lint(broken);

        assertNotEquals(0, lint.exitCode);
        assertTrue(lint.output.contains("oas3-schema") && lint.output.contains("paths./patients.post"), lint.output);
    }

    private static Run lint(Path description) throws Exception {
        return run(
                List.of(
                        SPECTRAL.toString(),
                        "lint",
                        description.toString(),
                        "--ruleset",
                        ROOT.resolve(".spectral.yaml").toString(),
                        "--fail-severity=warn"),
                ROOT);
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(command + " did not finish in 5 minutes");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
