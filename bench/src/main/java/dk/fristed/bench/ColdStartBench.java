package dk.fristed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.aws.ServerKey;
import dk.fristed.devkit.FreePort;
import dk.fristed.devkit.LocalDynamo;
import dk.fristed.devkit.SamTemplate;
import dk.fristed.encryption.FieldEncryption;
import dk.fristed.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code make bench}: for every function of template.yaml, a fresh JVM from start to its first API
 * response against DynamoDB Local (wall time and peak RSS, medians of paired, interleaved runs), next
 * to baselines built in the same run: (a) a bare SDK client doing one PutItem, (b) the naive style,
 * and (c) (a) with the Database Encryption SDK, the floor of a function that encrypts personal fields.
 * Each is also run with an application class-data-sharing archive. The target: each function within
 * 1.5x of its floor, the baseline that does the work it cannot skip: (c) for a function that encrypts
 * personal fields (the encryption SDK's first use alone is about 1.4x (a)), (a) for the others. The
 * ratio to (a) is printed next to it, and named in the summary where it is over 1.5x.
 */
public final class ColdStartBench {
    static final double TARGET_RATIO = 1.5;
    /** The serial collector that Lambda's small JVMs use, whatever the template says. */
    static final String LAMBDA_COLLECTOR = "-XX:+UseSerialGC";
    /** Extra JVM flags for every measured run, e.g. a profiler's agent; docs/performance-and-cost.md shows one. */
    static final String PROFILING_FLAGS_VARIABLE = "BENCH_JVM_FLAGS";

    /** @param floor for a function, the baseline it cannot go below: (c) if it encrypts fields, else (a); null for a baseline */
    record Candidate(String name, String classpath, List<String> args, String floor) {
        boolean baseline() {
            return floor == null;
        }

        /** The same, but init and priming (what SnapStart snapshots) happen before the timed request. */
        Candidate primed() {
            List<String> primedArgs = new ArrayList<>(args);
            primedArgs.add("primed");
            return new Candidate(name, classpath, primedArgs, floor);
        }
    }

    /** @param requestMicros the timed request alone, as the child measured it (used for primed runs) */
    record Sample(long millis, long peakRssKb, long requestMicros) {}

    public static void main(String[] ignored) {
        int status = 1;
        try {
            run();
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            // DynamoDB Local leaves a non-daemon shard-rollover thread sleeping after it stops; without
            // an explicit exit make bench would sit for minutes after its summary
            System.exit(status);
        }
    }

    /**
     * Tables that keep something unique which the creating fixtures register on every run: a creditor's
     * invoice number is registered once, so each run would otherwise be answered 409. Emptied before
     * each run, outside the timed child, so that every run registers a new invoice as a user would.
     */
    static final List<String> REGISTERED_ONCE = List.of("InvoiceNumbersTable");

    /** The help number of the events/ fixtures (K7MQ-X9PK), as stored. */
    static final String FIXTURE_PATIENT = "K7MQX9PK";

    private static void run() throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", "7"));
        Path root = SamTemplate.projectRoot();
        Path work = root.resolve("bench/target/work");
        Files.createDirectories(work);
        SamTemplate template = SamTemplate.ofProject();

        try (LocalDynamo dynamo = LocalDynamo.server(Files.createTempDirectory("fristed-bench-db"), FreePort.next())) {
            Map<String, String> tables = dynamo.createTables(template, "bench-");
            dynamo.client()
                    .createTable(r -> r.tableName("bench-baseline")
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(AttributeDefinition.builder()
                                    .attributeName("id")
                                    .attributeType(ScalarAttributeType.S)
                                    .build())
                            .keySchema(KeySchemaElement.builder()
                                    .attributeName("id")
                                    .keyType(KeyType.HASH)
                                    .build()));
            // the events/ fixtures refer to this patient (a referral needs one that exists); only its key
            // is read, by the referral's condition check, so a bare item stands in for a registration
            dynamo.client()
                    .putItem(r -> r.tableName(tables.get("PatientsTable"))
                            .item(Map.of("helpNumber", AttributeValue.fromS(FIXTURE_PATIENT))));

            Map<String, String> env = new HashMap<>(LocalDynamo.clientVariables(dynamo.endpoint()));
            env.put("BENCH_TABLE", "bench-baseline");
            env.put(ServerKey.LOCAL_KEY_VARIABLE, Base64.getEncoder().encodeToString(new byte[32]));
            // the raw AES keyring: the hierarchical keyring's first KMS Decrypt and key-store read
            // happen once per container in AWS (before the SnapStart snapshot) and are not measured here
            env.put(FieldEncryption.LOCAL_KEY_VARIABLE, Base64.getEncoder().encodeToString(new byte[32]));

            String baselines = root.resolve("bench/target/bench-baselines.jar").toString();
            // a jar, not a folder: application CDS archives only classes loaded from jars
            String child = root.resolve("bench/target/bench-" + BenchVersion.VERSION + ".jar")
                    .toString();
            List<Candidate> candidates = new ArrayList<>();
            String bare = "(a) bare SDK client + PutItem";
            String encrypted = "(c) = (a) + Database Encryption SDK interceptor";
            candidates.add(new Candidate(bare, baselines, List.of("bare"), null));
            candidates.add(new Candidate(
                    "(b) naive: BeanTableSchema, Apache, default chains", baselines, List.of("naive"), null));
            candidates.add(new Candidate(
                    encrypted,
                    root.resolve("bench/target/bench-encrypted-baseline.jar").toString(),
                    List.of("encrypted"),
                    null));
            for (var function : template.functions()) {
                if (function.routes().isEmpty()) {
                    // a daily schedule or a stream: no client waits for its cold start
                    System.out.printf(
                            "not measured: %s (no HTTP route; runs on a schedule or a stream)%n", function.logicalId());
                    continue;
                }
                function.environment().forEach((name, value) -> {
                    if (!name.equals("JAVA_TOOL_OPTIONS") && !name.equals("SERVER_HMAC_KEY_ID")) {
                        env.put(name, template.resolveLocally(value, tables));
                    }
                });
                Path fixture = firstRequestOf(function, root.resolve("events"));
                Path flattened = flatten(fixture, work.resolve(function.logicalId() + ".event.properties"));
                String jar = root.resolve(function.codeUri()).toString();
                candidates.add(new Candidate(
                        function.logicalId() + " "
                                + Json.mapper()
                                        .readTree(fixture.toFile())
                                        .get("routeKey")
                                        .asText(),
                        jar + ":" + child,
                        List.of("function", function.handlerClass(), flattened.toString()),
                        function.environment().containsKey(FieldEncryption.FIELD_KEY_VARIABLE) ? encrypted : bare));
            }

            List<String> jvmFlags = jvmFlags(template);
            System.out.printf(
                    "cold start: %d paired runs each, fresh JVM (%s), DynamoDB Local at %s%n",
                    runs, String.join(" ", jvmFlags), dynamo.endpoint());
            Map<String, List<Sample>> plain = new LinkedHashMap<>();
            Map<String, List<Sample>> cds = new LinkedHashMap<>();
            Map<String, List<Sample>> primed = new LinkedHashMap<>();
            List<Candidate> primable = candidates.stream()
                    .filter(c -> !c.args().get(0).equals("naive"))
                    .toList();
            Runnable forget = () -> REGISTERED_ONCE.forEach(table -> forgetAll(dynamo, tables.get(table)));
            for (Candidate candidate : candidates) {
                Path archive = work.resolve(candidate.name().replaceAll("\\W+", "-") + ".jsa");
                Files.deleteIfExists(archive);
                forget.run();
                run(
                        candidate,
                        jvmFlags,
                        env,
                        List.of("-XX:ArchiveClassesAtExit=" + archive)); // training run writes the archive
                plain.put(candidate.name(), new ArrayList<>());
                cds.put(candidate.name(), new ArrayList<>());
                primed.put(candidate.name(), new ArrayList<>());
            }
            for (int i = 1; i <= runs; i++) {
                System.out.printf("  run %d/%d%n", i, runs);
                for (Candidate candidate : candidates) {
                    Path archive = work.resolve(candidate.name().replaceAll("\\W+", "-") + ".jsa");
                    forget.run();
                    plain.get(candidate.name()).add(run(candidate, jvmFlags, env, List.of()));
                    forget.run();
                    cds.get(candidate.name())
                            .add(run(candidate, jvmFlags, env, List.of("-XX:SharedArchiveFile=" + archive)));
                }
                for (Candidate candidate : primable) {
                    forget.run();
                    primed.get(candidate.name()).add(run(candidate.primed(), jvmFlags, env, List.of()));
                }
            }
            Verdict plainVerdict = report("without class-data sharing", candidates, plain);
            Verdict cdsVerdict = report("with an application CDS archive (-XX:SharedArchiveFile)", candidates, cds);
            reportPrimed(primable, primed);
            System.out.println(
                    summary(plainVerdict, cdsVerdict, (double) median(plain, encrypted) / median(plain, bare)));
        }
    }

    /** Deletes every item of a bench table (a tool's Scan, never a function's). */
    private static void forgetAll(LocalDynamo dynamo, String table) {
        var client = dynamo.client();
        List<String> keys = client.describeTable(r -> r.tableName(table)).table().keySchema().stream()
                .map(KeySchemaElement::attributeName)
                .toList();
        client.scanPaginator(r -> r.tableName(table)).items().forEach(item -> {
            Map<String, AttributeValue> key = new HashMap<>();
            keys.forEach(name -> key.put(name, item.get(name)));
            client.deleteItem(r -> r.tableName(table).key(key));
        });
    }

    /** One table's verdict: functions over 1.5x their own floor, and those over 1.5x (a) alone. */
    record Verdict(List<String> overFloor, List<String> overBare) {}

    /** Prints one table and returns its verdict. */
    private static Verdict report(String title, List<Candidate> candidates, Map<String, List<Sample>> samples) {
        Map<String, Long> medians = new HashMap<>();
        candidates.forEach(c -> medians.put(c.name(), median(samples, c.name())));
        long bare = medians.get(candidates.get(0).name());
        long bareRss = median(samples.get(candidates.get(0).name()).stream()
                .mapToLong(Sample::peakRssKb)
                .toArray());
        System.out.printf("%n%s%n", title);
        System.out.printf(
                "  %-56s %10s %13s %9s %9s %9s %9s%n",
                "", "median", "min-max", "x (a)", "x floor", "peak RSS", "x (a)");
        Verdict verdict = new Verdict(new ArrayList<>(), new ArrayList<>());
        for (Candidate candidate : candidates) {
            List<Sample> s = samples.get(candidate.name());
            long[] millis = s.stream().mapToLong(Sample::millis).toArray();
            long wall = medians.get(candidate.name());
            long rss = median(s.stream().mapToLong(Sample::peakRssKb).toArray());
            double ratio = (double) wall / bare;
            double toFloor = candidate.baseline() ? ratio : (double) wall / medians.get(candidate.floor());
            String ownFloor = candidate.baseline() ? "" : String.format("%.2fx %s", toFloor, label(candidate.floor()));
            if (!candidate.baseline() && toFloor > TARGET_RATIO) {
                verdict.overFloor().add(String.format("%s %s", label(candidate.name()), ownFloor));
            }
            if (!candidate.baseline() && ratio > TARGET_RATIO) {
                verdict.overBare().add(String.format("%s %.2fx", label(candidate.name()), ratio));
            }
            System.out.printf(
                    "  %-56s %8d ms %6d-%-6d %8.2fx %9s %6d MiB %8.2fx%s%n",
                    candidate.name(),
                    wall,
                    java.util.Arrays.stream(millis).min().orElse(0),
                    java.util.Arrays.stream(millis).max().orElse(0),
                    ratio,
                    ownFloor,
                    rss / 1024,
                    (double) rss / bareRss,
                    candidate.baseline() ? "" : toFloor <= TARGET_RATIO ? "  within target" : "  OVER TARGET");
        }
        return verdict;
    }

    /** The one-line summary: the target on each function's own floor, and what (a) alone would say. */
    static String summary(Verdict plain, Verdict cds, double encryptionAlone) {
        List<String> over = new ArrayList<>(plain.overFloor());
        cds.overFloor().forEach(function -> over.add(function + " with CDS"));
        String verdict = over.isEmpty()
                ? "make bench: every function within " + TARGET_RATIO
                        + "x of its floor ((c) where it encrypts personal fields, else (a))"
                : "make bench: over " + TARGET_RATIO + "x of its floor: " + String.join("; ", over);
        return plain.overBare().isEmpty()
                ? verdict
                : verdict
                        + String.format(
                                "; over %.1fx of (a) alone: %s (the encryption SDK alone, (c): %.2fx)",
                                TARGET_RATIO, String.join(", ", plain.overBare()), encryptionAlone);
    }

    /** A candidate's median wall time. */
    private static long median(Map<String, List<Sample>> samples, String candidate) {
        return median(samples.get(candidate).stream().mapToLong(Sample::millis).toArray());
    }

    /** A candidate's name up to its first space: "(c)", "VisitsFunction". */
    private static String label(String name) {
        return name.substring(0, name.indexOf(' '));
    }

    /**
     * What a SnapStart restore leaves for the first request: init and priming ran before (as before
     * the snapshot; for the floor, a first PutItem), the request alone is timed. The restore itself,
     * which Lambda reports as Restore Duration, is not included. Informative: the target is on fresh JVMs.
     */
    private static void reportPrimed(List<Candidate> candidates, Map<String, List<Sample>> samples) {
        long floor = median(samples.get(candidates.get(0).name()).stream()
                .mapToLong(Sample::requestMicros)
                .toArray());
        System.out.printf("%nthe first request after init and SnapStart priming (restore time not included)%n");
        System.out.printf("  %-56s %10s %13s %10s%n", "", "median", "min-max", "x (a)");
        for (Candidate candidate : candidates) {
            long[] micros = samples.get(candidate.name()).stream()
                    .mapToLong(Sample::requestMicros)
                    .toArray();
            System.out.printf(
                    "  %-56s %8.1f ms %6.1f-%-6.1f %9.2fx%n",
                    candidate.name(),
                    median(micros) / 1000.0,
                    java.util.Arrays.stream(micros).min().orElse(0) / 1000.0,
                    java.util.Arrays.stream(micros).max().orElse(0) / 1000.0,
                    (double) median(micros) / floor);
        }
    }

    /**
     * The functions' JAVA_TOOL_OPTIONS from template.yaml, for the baselines too: every candidate runs
     * on the JVM the deployed functions get.
     */
    private static List<String> jvmFlags(SamTemplate template) {
        var options = template.functions().stream()
                .map(function -> String.valueOf(function.environment().getOrDefault("JAVA_TOOL_OPTIONS", ""))
                        .trim())
                .distinct()
                .toList();
        if (options.size() != 1) {
            throw new IllegalStateException(
                    "the functions' JAVA_TOOL_OPTIONS differ; the bench compares them on one JVM: " + options);
        }
        List<String> flags = new ArrayList<>(
                options.get(0).isEmpty() ? List.of() : List.of(options.get(0).split("\\s+")));
        flags.add(LAMBDA_COLLECTOR);
        return flags;
    }

    private static Sample run(
            Candidate candidate, List<String> jvmFlags, Map<String, String> env, List<String> extraFlags)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(extraFlags);
        // e.g. a profiler agent, for the measured runs only: CDS archives cannot be dumped with an agent
        String profiling = System.getenv(PROFILING_FLAGS_VARIABLE);
        if (profiling != null
                && !profiling.isBlank()
                && extraFlags.stream().noneMatch(f -> f.startsWith("-XX:ArchiveClassesAtExit"))) {
            command.addAll(List.of(profiling.trim().split("\\s+")));
        }
        command.add("-cp");
        command.add(candidate.classpath());
        command.add(ColdStartChild.class.getName());
        command.addAll(candidate.args());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin"));
        builder.environment()
                .put(FunctionInvocation.RUN_KEY_VARIABLE, UUID.randomUUID().toString());
        long started = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    String[] parts = line.split(" ");
                    if (!parts[1].startsWith("2")) {
                        throw new IllegalStateException(candidate.name() + " answered " + parts[1] + "\n" + seen);
                    }
                    process.waitFor(10, TimeUnit.SECONDS);
                    return new Sample(millis, Long.parseLong(parts[2]), Long.parseLong(parts[3]));
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException(candidate.name() + " ended without a result:\n" + seen);
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * The function's first creating POST fixture in events/ (a POST to a path without parameters, such
     * as POST /referrals rather than a transition of an existing referral), or else the fixture of its
     * first route in template.yaml (the reports function's year report): what a user does first.
     */
    private static Path firstRequestOf(SamTemplate.FunctionDefinition function, Path events) throws IOException {
        var routes = function.routes().stream().map(SamTemplate.HttpRoute::key).toList();
        Map<String, Path> fixtures = new LinkedHashMap<>(); // by file name, as they sort
        try (Stream<Path> files = Files.list(events)) {
            for (Path file : files.sorted().toList()) {
                fixtures.putIfAbsent(
                        Json.mapper().readTree(file.toFile()).get("routeKey").asText(), file);
            }
        }
        return fixtures.entrySet().stream()
                .filter(f -> routes.contains(f.getKey())
                        && f.getKey().startsWith("POST")
                        && !f.getKey().contains("{"))
                .map(Map.Entry::getValue)
                .findFirst()
                .or(() -> routes.stream()
                        .map(fixtures::get)
                        .filter(java.util.Objects::nonNull)
                        .findFirst())
                .orElseThrow(() -> new IllegalStateException(function.logicalId() + " has no fixture in events/"));
    }

    /** The fields of an API Gateway event fixture that a handler reads, as a properties file. */
    private static Path flatten(Path fixture, Path target) throws IOException {
        JsonNode event = Json.mapper().readTree(fixture.toFile());
        java.util.Properties flat = new java.util.Properties();
        for (String field : List.of("routeKey", "rawPath", "rawQueryString", "body", "isBase64Encoded")) {
            if (event.hasNonNull(field)) {
                flat.setProperty(field, event.get(field).asText());
            }
        }
        for (String group : List.of("headers", "pathParameters", "queryStringParameters")) {
            event.path(group)
                    .fields()
                    .forEachRemaining(e -> flat.setProperty(
                            group + "." + e.getKey(), e.getValue().asText()));
        }
        event.path("requestContext")
                .path("authorizer")
                .path("jwt")
                .path("claims")
                .fields()
                .forEachRemaining(e ->
                        flat.setProperty("claims." + e.getKey(), e.getValue().asText()));
        try (var out = Files.newBufferedWriter(target)) {
            flat.store(out, "flattened from " + fixture.getFileName());
        }
        return target;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
