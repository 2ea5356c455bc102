package dk.fristed.devkit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dk.fristed.devkit.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the admins who run the stack rely on, held on template.yaml: what holds people's access and the
 * record of what happened survives a deleted stack, and every function, the API and the erasure queue
 * have an alarm that reaches the alarm topic. A new function without an alarm fails here.
 */
class TemplateOperationsTest {
    private final SamTemplate template = SamTemplate.ofProject();

    @Test
    void theUserPool_logGroupsAndErasureQueue_areRetainedAndProtected() {
        var pools = template.resources("AWS::Cognito::UserPool");
        assertEquals(1, pools.size());
        pools.forEach((id, pool) -> {
            assertRetained(id, pool);
            assertEquals("ACTIVE", map(pool.get("Properties")).get("DeletionProtection"), id);
        });
        var logGroups = template.resources("AWS::Logs::LogGroup");
        assertFalse(logGroups.isEmpty());
        logGroups.forEach(this::assertRetained);
        template.resources("AWS::SQS::Queue").forEach(this::assertRetained);
    }

    @Test
    void everyFunction_theApi_andTheErasureQueue_haveAnAlarmThatReachesTheTopic() {
        var alarms = template.resources("AWS::CloudWatch::Alarm");
        assertFalse(alarms.isEmpty());
        StringBuilder watched = new StringBuilder();
        alarms.forEach((id, alarm) -> {
            Map<String, Object> p = map(alarm.get("Properties"));
            assertEquals(List.of(Map.of("Ref", "AlarmTopic")), p.get("AlarmActions"), id + " tells the admins");
            // a quiet night is not an alarm, except for a schedule, whose silence is what is watched
            assertEquals(id.endsWith("MissedAlarm") ? "breaching" : "notBreaching", p.get("TreatMissingData"), id);
            watched.append(p).append('\n');
        });
        String all = watched.toString();
        for (String function : template.resources(SamTemplate.FUNCTION).keySet()) {
            assertTrue(
                    all.contains("MetricName=Errors, Dimensions=[{Name=FunctionName, Value={Ref=" + function + "}}]"),
                    function + "'s errors have an alarm");
            assertTrue(
                    all.contains(
                            "MetricName=Throttles, Dimensions=[{Name=FunctionName, Value={Ref=" + function + "}}]"),
                    function + "'s throttles have an alarm");
        }
        assertTrue(all.contains("MetricName=5xx") && all.contains("{Ref=HttpApi}"), "the API's server errors");
        assertTrue(
                all.contains("ApproximateNumberOfMessagesVisible") && all.contains("ErasureFailuresQueue"),
                "the erasure failures");
        var topic = template.resources("AWS::SNS::Topic").get("AlarmTopic");
        assertTrue(
                topic != null && map(topic.get("Properties")).containsKey("KmsMasterKeyId"), "the topic is encrypted");
    }

    @Test
    void everyScheduledFunction_hasAnAlarmWhenItDidNotRun() {
        var alarms = template.resources("AWS::CloudWatch::Alarm");
        template.resources(SamTemplate.FUNCTION).forEach((id, f) -> {
            boolean scheduled = map(map(f.get("Properties")).get("Events")).values().stream()
                    .anyMatch(e -> "Schedule".equals(map(e).get("Type")));
            if (scheduled) {
                var missed = alarms.get(id.replace("Function", "") + "MissedAlarm");
                assertTrue(missed != null, id + " has an alarm for a day it did not run");
                Map<String, Object> p = map(missed.get("Properties"));
                assertEquals("Invocations", p.get("MetricName"));
                assertEquals(List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", id))), p.get("Dimensions"));
                assertTrue(
                        ((Number) p.get("Period")).intValue() * ((Number) p.get("EvaluationPeriods")).intValue()
                                > 24 * 3600,
                        "longer than a day: a daily run is not missed by a late hour");
                assertEquals(f.get("Condition"), missed.get("Condition"), "exists exactly when the function does");
            }
        });
    }

    @Test
    void everyApiFunctionsLog_feedsTheDatabaseAndEncryptionAlarms() {
        var filters = template.resources("AWS::Logs::MetricFilter");
        List<Object> filtered = filters.values().stream()
                .map(f -> map(f.get("Properties")).get("LogGroupName"))
                .toList();
        template.resources(SamTemplate.FUNCTION).forEach((id, f) -> {
            Map<String, Object> p = map(f.get("Properties"));
            boolean api = map(p.get("Events")).values().stream().anyMatch(e -> "HttpApi".equals(map(e).get("Type")));
            if (api) {
                Object logGroup = map(p.get("LoggingConfig")).get("LogGroup");
                assertTrue(filtered.contains(logGroup), id + "'s failures are counted from its log group " + logGroup);
            }
        });
        filters.forEach((id, f) -> {
            Map<String, Object> p = map(f.get("Properties"));
            assertEquals("{ $.failed = \"database\" || $.failed = \"encryption\" }", p.get("FilterPattern"), id);
            String transformation = String.valueOf(p.get("MetricTransformations"));
            assertTrue(transformation.contains("MetricName=Failures") && transformation.contains("Value=$.failed"), id);
        });
        var alarms = template.resources("AWS::CloudWatch::Alarm");
        for (String failed : List.of("database", "encryption")) {
            assertTrue(
                    alarms.values().stream()
                            .anyMatch(a -> String.valueOf(a.get("Properties"))
                                    .contains("MetricName=Failures, Dimensions=[{Name=Failed, Value=" + failed + "}]")),
                    "an alarm counts the " + failed + " failures");
        }
    }

    @Test
    void everyTable_isBackedUpDaily_keptAWeek_inARetainedEncryptedVault_withAnOptionalCopyElsewhere() {
        var selection = map(map(template.resources("AWS::Backup::BackupSelection")
                        .get("BackupTables")
                        .get("Properties"))
                .get("BackupSelection"));
        List<?> resources = (List<?>) selection.get("Resources");
        template.resources(SamTemplate.TABLE)
                .keySet()
                .forEach(table -> assertTrue(
                        resources.contains(Map.of("Fn::GetAtt", List.of(table, "Arn"))), table + " is backed up"));
        var rule = map(((List<?>) map(map(template.resources("AWS::Backup::BackupPlan")
                                        .get("BackupPlan")
                                        .get("Properties"))
                                .get("BackupPlan"))
                        .get("BackupPlanRule"))
                .get(0));
        assertEquals("cron(0 2 * * ? *)", rule.get("ScheduleExpression"), "daily, while the clinics are closed");
        assertEquals(
                7,
                map(rule.get("Lifecycle")).get("DeleteAfterDays"),
                "a week of full copies; the tables keep 35 days of PITR");
        assertTrue(
                String.valueOf(rule.get("CopyActions")).startsWith("{Fn::If=[HasBackupCopy"),
                "a copy only when a vault is named");
        var vault = template.resources("AWS::Backup::BackupVault").get("BackupVault");
        assertRetained("BackupVault", vault);
        assertEquals(
                Map.of("Fn::GetAtt", List.of("BackupKey", "Arn")),
                map(vault.get("Properties")).get("EncryptionKeyArn"));
    }

    @Test
    void theApisAccessLog_saysWhichRouteHowItEndedHowLongAndWhoseRole_neverAPathQueryIpOrToken() throws Exception {
        var api = template.resources("AWS::Serverless::HttpApi")
                .values()
                .iterator()
                .next();
        Map<String, Object> settings = map(map(api.get("Properties")).get("AccessLogSettings"));
        assertEquals(Map.of("Fn::GetAtt", List.of("ApiAccessLogGroup", "Arn")), settings.get("DestinationArn"));
        var format = dk.fristed.json.Json.mapper().readTree((String) settings.get("Format"));
        List<String> fields = new java.util.ArrayList<>();
        format.fieldNames().forEachRemaining(fields::add);
        assertEquals(
                List.of(
                        "requestId",
                        "time",
                        "routeKey",
                        "status",
                        "latencyMs",
                        "integrationStatus",
                        "authorizerError",
                        "roles"),
                fields);
        var allowed = java.util.Set.of(
                "$context.requestId",
                "$context.requestTimeEpoch",
                "$context.routeKey",
                "$context.status",
                "$context.responseLatency",
                "$context.integrationStatus",
                "$context.authorizer.error",
                "$context.authorizer.claims.cognito:groups");
        format.forEach(value -> assertTrue(
                allowed.contains(value.asText()), value.asText() + " could hold a help number, a cursor or who"));
        assertRetained(
                "ApiAccessLogGroup", template.resources("AWS::Logs::LogGroup").get("ApiAccessLogGroup"));
    }

    @Test
    void everyEnvironmentInSamconfig_namesItsStageAndStack_andSetsEveryParameterWithoutADefault() throws Exception {
        List<String> lines =
                java.nio.file.Files.readAllLines(SamTemplate.projectRoot().resolve("samconfig.toml"));
        Map<String, List<String>> environments = new java.util.LinkedHashMap<>();
        String current = null;
        for (String line : lines) {
            var section = java.util.regex.Pattern.compile("^\\[(\\w+)\\.deploy\\.parameters]")
                    .matcher(line);
            if (section.find()) {
                current = section.group(1);
                environments.put(current, new java.util.ArrayList<>());
            } else if (current != null) {
                environments.get(current).add(line.trim());
            }
        }
        assertEquals(java.util.Set.of("test", "prod"), environments.keySet());
        Map<String, Object> parameters = map(template.root().get("Parameters"));
        environments.forEach((env, body) -> {
            assertTrue(body.contains("stack_name = \"fristed-" + env + "\""), env);
            assertTrue(body.contains("\"Stage=" + env + "\","), env + " deploys its own stage");
            parameters.forEach((name, definition) -> {
                if (!map(definition).containsKey("Default")) {
                    assertTrue(body.stream().anyMatch(l -> l.startsWith("\"" + name + "=")), env + " sets " + name);
                }
            });
            body.stream()
                    .filter(l -> l.startsWith("\"") && l.contains("="))
                    .forEach(l -> assertTrue(
                            parameters.containsKey(l.substring(1, l.indexOf('='))),
                            env + " sets a parameter the template does not have: " + l));
        });
    }

    @Test
    void theDashboard_isJson_andShowsTheAlarmsThatAlwaysExist() throws Exception {
        var dashboard = template.resources("AWS::CloudWatch::Dashboard").get("OperationsDashboard");
        List<?> sub = (List<?>)
                map(map(dashboard.get("Properties")).get("DashboardBody")).get("Fn::Sub");
        String body = ((String) sub.get(0)).replaceAll("\\$\\{[^}]+}", "x");
        var widgets = dk.fristed.json.Json.mapper().readTree(body).get("widgets");
        assertTrue(widgets.size() >= 4, "alarms, answers, latency, functions, erasures");
        var alarms = template.resources("AWS::CloudWatch::Alarm");
        var shown = java.util.regex.Pattern.compile("\\$\\{(\\w+)\\.Arn}")
                .matcher((String) sub.get(0))
                .results()
                .map(m -> m.group(1))
                .toList();
        alarms.forEach((id, alarm) -> {
            if (alarm.get("Condition") == null) {
                assertTrue(shown.contains(id), id + " is on the dashboard");
            } else {
                assertFalse(shown.contains(id), id + " exists only with the branch key: the dashboard cannot name it");
            }
        });
    }

    private void assertRetained(String id, Map<String, Object> resource) {
        assertEquals("Retain", resource.get("DeletionPolicy"), id);
        assertEquals("Retain", resource.get("UpdateReplacePolicy"), id);
    }
}
