package dk.fristed.devkit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `make test` and `make validate`: template.yaml through cfn-lint, AWS's CloudFormation linter, which runs
 * the SAM transform and checks every resource against CloudFormation's own resource schemas (property
 * names and types, Ref/GetAtt targets, IAM policy syntax), where the SAM schema lets most pass unchecked.
 * Any error or warning fails; warnings we accept are listed with their reason (.cfnlintrc.yaml).
 */
class TemplateLintTest {
    static final String INSTALL = "pip install cfn-lint";

    @BeforeAll
    static void cfnLintIsInstalled() throws InterruptedException {
        boolean installed;
        try {
            installed = run(List.of("cfn-lint", "--version")).exitCode == 0;
        } catch (IOException notOnPath) {
            installed = false;
        }
        if (!installed) {
            System.err.println("cfn-lint is not installed, so template.yaml was not linted (" + INSTALL + ")");
        }
        Assumptions.assumeTrue(installed, "cfn-lint is not installed (" + INSTALL + ")");
    }

    @Test
    void template_passesCfnLint() throws Exception {
        Lint lint = run(List.of("cfn-lint", "template.yaml"));

        assertEquals(0, lint.exitCode, "cfn-lint found problems in template.yaml:\n" + lint.output);
    }

    @Test
    void cfnLint_catchesAMisspelledTableProperty(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("template.yaml");
        String template = Files.readString(SamTemplate.projectRoot().resolve("template.yaml"));
        Files.writeString(broken, template.replaceFirst("SSESpecification:", "SSESpecifcation:"));

        Lint lint = run(List.of("cfn-lint", broken.toString()));

        assertNotEquals(0, lint.exitCode);
        assertTrue(lint.output.contains("E3002"), lint.output);
    }

    private record Lint(int exitCode, String output) {}

    private static Lint run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command))
                .directory(SamTemplate.projectRoot().toFile()) // where .cfnlintrc.yaml is
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Lint(process.waitFor(), output);
    }
}
