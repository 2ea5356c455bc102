package dk.fristed.devkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Independent functions: no function's deployed jar carries another function's code. A function module
 * may depend on shared and on records modules (records several functions read, owned by one), never on
 * another function module outside test scope; a records module depends on no function at all.
 */
class FunctionModulesTest {
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern SCOPE = Pattern.compile("<scope>([^<]+)</scope>");

    @Test
    void noFunctionOrRecordsModule_dependsOnAFunctionModule_beyondItsTests() throws IOException {
        Path root = SamTemplate.projectRoot();
        Set<String> functions = modules(root.resolve("functions"));
        Set<String> records = modules(root.resolve("records"));
        assertTrue(
                functions.containsAll(Set.of("visits", "reports")) && records.contains("visits"),
                functions + " " + records);
        List<String> wrong = new ArrayList<>();
        for (String function : functions) {
            deployedDependencies(root.resolve("functions").resolve(function).resolve("pom.xml")).stream()
                    .filter(functions::contains)
                    .forEach(other -> wrong.add("functions/" + function + " -> " + other));
        }
        for (String record : records) {
            deployedDependencies(root.resolve("records").resolve(record).resolve("pom.xml")).stream()
                    .filter(functions::contains)
                    .forEach(other -> wrong.add("records/" + record + " -> " + other));
        }
        assertEquals(List.of(), wrong);
        assertTrue(
                deployedDependencies(root.resolve("functions/reports/pom.xml")).contains("visits-records"),
                "the reports read the visits' records through the records module");
        String reports = Files.readString(root.resolve("functions/reports/pom.xml"));
        functions.forEach(function -> assertFalse(
                reports.contains("<artifactId>" + function + "</artifactId>") && !function.equals("reports"),
                "the reports' module names " + function + " in no scope, its tests neither (those are in scenarios/)"));
    }

    @Test
    void aDependencyInTestScope_isNotDeployed() {
        String pom = "<dependency><artifactId>visits</artifactId><scope>test</scope></dependency>"
                + "<dependency><artifactId>shared</artifactId></dependency>";
        assertEquals(List.of("shared"), deployed(pom));
        assertFalse(deployed(pom).contains("visits"));
    }

    private static Set<String> modules(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> Files.exists(p.resolve("pom.xml")))
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }

    private static List<String> deployedDependencies(Path pom) {
        try {
            String text = Files.readString(pom);
            return deployed(text.substring(text.indexOf("<dependencies>")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The artifactIds of the dependencies that are not in test scope (a module's name is its artifactId). */
    private static List<String> deployed(String pom) {
        List<String> found = new ArrayList<>();
        Matcher dependency = DEPENDENCY.matcher(pom);
        while (dependency.find()) {
            Matcher scope = SCOPE.matcher(dependency.group(1));
            Matcher artifact = ARTIFACT.matcher(dependency.group(1));
            if (artifact.find() && !(scope.find() && scope.group(1).equals("test"))) {
                found.add(artifact.group(1));
            }
        }
        return found;
    }
}
