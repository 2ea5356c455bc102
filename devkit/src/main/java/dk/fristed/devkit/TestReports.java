package dk.fristed.devkit;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * make test's guard: every test class under a module's {@code src/test/java} must have left a surefire
 * report in this run, whatever Maven's exit code said. A class that left none did not run, or its forked
 * JVM ended before it finished (Jazzer's runtime once ended a module's JVM that way and the build said
 * success). A skipped test must say why. Ends with one plain line: {@code tests: N passed, N failed, N skipped}.
 *
 * <p>Only the JDK, so it runs as a single source file ({@code java TestReports.java ROOT MARKER}) even when
 * the build that should have compiled it failed.
 */
public final class TestReports {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    /** What one module's test classes left: which reported, which did not, and their counts. */
    record ModuleResult(
            String module,
            List<String> classes,
            List<String> missing,
            List<String> problems,
            int passed,
            int failed,
            int skipped) {
        int reported() {
            return classes.size() - missing.size();
        }
    }

    private TestReports() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println(
                    "usage: java TestReports.java <project root> <marker file written when the run started>");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        FileTime started = Files.getLastModifiedTime(Path.of(args[1]));
        System.exit(summarise(check(root, started), System.out) ? 0 : 1);
    }

    /** Every module the root pom builds, in its order, checked against the reports written since {@code started}. */
    static List<ModuleResult> check(Path root, FileTime started) throws Exception {
        List<ModuleResult> results = new ArrayList<>();
        Matcher modules = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
        while (modules.find()) {
            String module = modules.group(1).trim();
            Path tests = root.resolve(module).resolve("src/test/java");
            if (Files.isDirectory(tests)) {
                results.add(
                        checkModule(module, tests, root.resolve(module).resolve("target/surefire-reports"), started));
            }
        }
        return results;
    }

    static ModuleResult checkModule(String module, Path testSources, Path reports, FileTime started) throws Exception {
        List<String> classes = testClasses(testSources);
        List<String> missing = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (String testClass : classes) {
            Path report = reports.resolve("TEST-" + testClass + ".xml");
            if (!Files.isRegularFile(report)
                    || Files.getLastModifiedTime(report).compareTo(started) < 0) {
                missing.add(testClass);
                continue;
            }
            Element suite = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(report.toFile())
                    .getDocumentElement();
            int tests = count(suite, "tests");
            int failures = count(suite, "failures") + count(suite, "errors");
            int skips = count(suite, "skipped");
            if (tests == 0) {
                problems.add(simpleName(testClass) + " reported no test");
            }
            problems.addAll(skipsWithoutReason(suite));
            passed += tests - failures - skips;
            failed += failures;
            skipped += skips;
        }
        return new ModuleResult(module, classes, missing, problems, passed, failed, skipped);
    }

    /**
     * The classes surefire is asked to run (its includes: *Test, *IT), by fully qualified name; abstract
     * classes are the base of others and run through them.
     */
    static List<String> testClasses(Path testSources) throws IOException {
        List<String> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testSources)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith("Test.java") && !name.endsWith("IT.java")) {
                    continue;
                }
                String simpleName = name.substring(0, name.length() - ".java".length());
                String source = Files.readString(file);
                if (source.matches("(?s).*\\babstract\\s+class\\s+" + simpleName + "\\b.*")) {
                    continue;
                }
                Matcher pkg = PACKAGE.matcher(source);
                classes.add(pkg.find() ? pkg.group(1) + "." + simpleName : simpleName);
            }
        }
        return classes;
    }

    private static List<String> skipsWithoutReason(Element suite) {
        List<String> problems = new ArrayList<>();
        NodeList skips = suite.getElementsByTagName("skipped");
        for (int i = 0; i < skips.getLength(); i++) {
            Element skip = (Element) skips.item(i);
            if (skip.getAttribute("message").isBlank() && skip.getTextContent().isBlank()) {
                Element testCase = (Element) skip.getParentNode();
                problems.add(simpleName(testCase.getAttribute("classname")) + "." + testCase.getAttribute("name")
                        + " was skipped without saying why");
            }
        }
        return problems;
    }

    private static int count(Element suite, String attribute) {
        String value = suite.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Prints what ran, module by module, what is missing, and the closing count; true if nothing is missing or failed. */
    static boolean summarise(List<ModuleResult> results, PrintStream out) {
        int classes = 0;
        int reported = 0;
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        Map<String, String> byModule = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ModuleResult result : results) {
            classes += result.classes().size();
            reported += result.reported();
            passed += result.passed();
            failed += result.failed();
            skipped += result.skipped();
            byModule.put(
                    result.module(), result.reported() + "/" + result.classes().size());
            if (result.reported() == 0 && !result.classes().isEmpty()) {
                problems.add(
                        result.module() + ": none of its " + result.classes().size()
                                + " test classes reported: the build stopped before its tests, or they did not run");
            } else {
                for (String missing : result.missing()) {
                    problems.add(result.module() + ": " + simpleName(missing)
                            + " left no report: it did not run, or its JVM ended before it finished");
                }
            }
            result.problems().forEach(problem -> problems.add(result.module() + ": " + problem));
        }
        out.println("test classes reported, by module: "
                + byModule.toString().replaceAll("[{}]", "").replace('=', ' '));
        problems.forEach(problem -> out.println("MISSING OR INCOMPLETE: " + problem));
        out.println(reported + " of " + classes + " test classes reported" + (problems.isEmpty() ? "" : "; see above"));
        out.println("tests: " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
        return problems.isEmpty() && failed == 0;
    }
}
