package dk.fristed.devkit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dk.fristed.devkit.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security properties of template.yaml, held on every table, function, key and the API, so that a
 * later change cannot drop one silently. The SAM schema cannot check them: CloudFormation resources
 * only match its loose "any resource" branch.
 */
class TemplateSecurityTest {
    private final SamTemplate template = SamTemplate.ofProject();
    private final Map<String, Map<String, Object>> keys = template.resources("AWS::KMS::Key");

    @Test
    void everyTable_encryptedWithARotatedCustomerKey_pitrDeletionProtectionOnDemandRetained() {
        var tables = template.resources(SamTemplate.TABLE);
        assertFalse(tables.isEmpty());
        tables.forEach((id, table) -> {
            Map<String, Object> p = map(table.get("Properties"));
            Map<String, Object> sse = map(p.get("SSESpecification"));
            assertEquals(true, sse.get("SSEEnabled"), id);
            assertEquals("KMS", sse.get("SSEType"), id);
            Object keyRef = map(sse.get("KMSMasterKeyId")).get("Ref");
            assertTrue(keys.containsKey(String.valueOf(keyRef)), id + " must use a key of this template");
            assertEquals(true, map(keys.get(keyRef).get("Properties")).get("EnableKeyRotation"), id + "'s key rotates");
            assertEquals(true, map(p.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"), id);
            assertEquals(true, p.get("DeletionProtectionEnabled"), id);
            assertEquals("PAY_PER_REQUEST", p.get("BillingMode"), id);
            assertEquals("Retain", table.get("DeletionPolicy"), id);
        });
    }

    /**
     * Deleting the stack keeps the tables (Retain), so it must keep their keys too: a deleted key would
     * leave retained tables, and every encrypted personal field, unreadable for good. If a key is ever
     * scheduled for deletion by hand, the longest waiting period leaves time to cancel.
     */
    @Test
    void everyKey_outlivesTheStackLikeTheTables() {
        keys.forEach((id, key) -> {
            assertEquals("Retain", key.get("DeletionPolicy"), id);
            assertEquals("Retain", key.get("UpdateReplacePolicy"), id);
            assertEquals(30, map(key.get("Properties")).get("PendingWindowInDays"), id);
        });
    }

    @Test
    void everySymmetricKey_rotates() {
        keys.forEach((id, key) -> {
            Map<String, Object> p = map(key.get("Properties"));
            String spec = String.valueOf(p.getOrDefault("KeySpec", "SYMMETRIC_DEFAULT"));
            if (spec.equals("SYMMETRIC_DEFAULT")) {
                assertEquals(true, p.get("EnableKeyRotation"), id);
            }
            assertNotNull(p.get("KeyPolicy"), id + " has an explicit key policy");
        });
    }

    /**
     * No key policy lets anyone use a key without naming who: the account root may administer keys
     * but not use them, and every statement that grants use is limited to this stack's function roles
     * and the admin role by aws:PrincipalArn; the functions may only unwrap the field key's branch keys,
     * never create them.
     */
    @Test
    void keyPolicies_grantUseOnlyToTheStacksFunctionsAndAdmins() {
        Set<String> use = Set.of(
                "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:GenerateMac", "kms:*");
        keys.forEach((id, key) -> {
            for (Object s :
                    asList(map(map(key.get("Properties")).get("KeyPolicy")).get("Statement"))) {
                Map<String, Object> statement = map(s);
                boolean grantsUse = asList(statement.get("Action")).stream().anyMatch(use::contains);
                if (grantsUse) {
                    Object principalArns =
                            map(map(statement.get("Condition")).get("ArnLike")).get("aws:PrincipalArn");
                    assertNotNull(
                            principalArns, id + "." + statement.get("Sid") + " grants use without naming the roles");
                    for (Object principal : principalArns instanceof List<?> list ? list : List.of(principalArns)) {
                        assertTrue(
                                String.valueOf(principal).contains("FunctionRole-*")
                                        || principal.equals(Map.of("Ref", "AdminRoleArn"))
                                        // AWS Backup's role, through DynamoDB or AWS Backup only (the statements'
                                        // ViaService)
                                        || String.valueOf(principal).endsWith("role/fristed-${Stage}-backup}"),
                                id + "." + statement.get("Sid") + " names " + principal);
                    }
                    if (id.equals("FieldKey") && String.valueOf(principalArns).contains("FunctionRole")) {
                        assertEquals(
                                List.of("kms:Decrypt"),
                                asList(statement.get("Action")),
                                "functions only unwrap branch keys");
                    }
                    assertEquals(
                            map(map(statement.get("Condition")).get("StringEquals"))
                                    .get("kms:CallerAccount"),
                            Map.of("Ref", "AWS::AccountId"),
                            id + " is for this account only");
                }
            }
        });
    }

    @Test
    void everyFunction_java21Arm64SnapStartWithRetainedLogsAndLeastPrivilege() {
        Map<String, Object> globals = map(map(template.root().get("Globals")).get("Function"));
        var logGroups = template.resources("AWS::Logs::LogGroup");
        var tables = template.resources(SamTemplate.TABLE).keySet();
        var functions = template.resources(SamTemplate.FUNCTION);
        assertFalse(functions.isEmpty());
        functions.forEach((id, function) -> {
            Map<String, Object> p = map(function.get("Properties"));
            assertEquals("java21", p.getOrDefault("Runtime", globals.get("Runtime")), id);
            assertEquals(List.of("arm64"), p.getOrDefault("Architectures", globals.get("Architectures")), id);
            assertEquals(
                    "PublishedVersions",
                    map(p.getOrDefault("SnapStart", globals.get("SnapStart"))).get("ApplyOn"),
                    id);

            Object logGroup = map(map(p.get("LoggingConfig")).get("LogGroup")).get("Ref");
            assertTrue(logGroups.containsKey(String.valueOf(logGroup)), id + " logs to a group of this template");
            assertNotNull(map(logGroups.get(logGroup).get("Properties")).get("RetentionInDays"), id + "'s logs expire");

            Set<String> ownTables = new java.util.HashSet<>();
            map(map(p.get("Environment")).get("Variables")).values().forEach(v -> {
                Object ref = map(v).get("Ref");
                if (tables.contains(String.valueOf(ref))) {
                    ownTables.add((String) ref);
                }
            });
            for (Map<String, Object> statement : statements(p)) {
                for (Object action : asList(statement.get("Action"))) {
                    assertFalse(String.valueOf(action).contains("*"), id + " has a wildcard action " + action);
                }
                for (Object resource : asList(statement.get("Resource"))) {
                    assertFalse("*".equals(resource), id + " has a wildcard resource");
                    String named = resourceName(resource);
                    if (tables.contains(named)) {
                        assertTrue(ownTables.contains(named), id + " may only reach its own tables, not " + named);
                    }
                }
            }
        });
    }

    /**
     * A table tagged personal-data is reached only by functions set up for client-side encryption: the
     * field key and key store in their environment, permission to read the branch key and unwrap it, and
     * no existence until the branch key does (Condition HasBranchKey). Written for the next functions.
     */
    @Test
    void personalDataTables_areReachedOnlyByFunctionsThatEncryptFields() {
        var personal = new java.util.HashSet<String>();
        template.resources(SamTemplate.TABLE).forEach((id, table) -> {
            for (Object tag : asList(map(table.get("Properties")).get("Tags"))) {
                if ("personal-data".equals(map(tag).get("Key"))) {
                    personal.add(id);
                }
            }
        });
        assertEquals(
                Set.of(
                        "PatientsTable",
                        "VisitsTable",
                        "ReferralsTable",
                        "ReferralHistoryTable",
                        "InvoicesTable",
                        "InvoiceHistoryTable",
                        "InvoiceNumbersTable",
                        "BudgetTable"),
                personal);
        template.resources(SamTemplate.FUNCTION).forEach((id, function) -> {
            Map<String, Object> p = map(function.get("Properties"));
            boolean reachesPersonalData = statements(p).stream()
                    .flatMap(statement -> asList(statement.get("Resource")).stream())
                    .anyMatch(resource -> personal.contains(resourceName(resource)));
            if (!reachesPersonalData) {
                return;
            }
            Map<String, Object> env = map(map(p.get("Environment")).get("Variables"));
            assertEquals(Map.of("Ref", "KeyStoreTable"), env.get("KEY_STORE_TABLE"), id);
            assertEquals(Map.of("Fn::GetAtt", List.of("FieldKey", "Arn")), env.get("FIELD_KEY_ARN"), id);
            assertEquals(Map.of("Ref", "BranchKeyId"), env.get("BRANCH_KEY_ID"), id);
            assertEquals("HasBranchKey", function.get("Condition"), id + " must not exist before its branch key");
            assertTrue(
                    statements(p).stream()
                            .anyMatch(statement -> asList(statement.get("Action"))
                                            .contains("kms:Decrypt")
                                    && asList(statement.get("Resource")).stream()
                                            .anyMatch(r -> resourceName(r).equals("FieldKey"))),
                    id);
        });
    }

    /** Functions read their branch key; only the admin role, through make branch-key, creates or rotates keys. */
    @Test
    void keyStore_isReadOnlyForEveryFunction() {
        template.resources(SamTemplate.FUNCTION).forEach((id, function) -> {
            for (Map<String, Object> statement : statements(map(function.get("Properties")))) {
                boolean onKeyStore = asList(statement.get("Resource")).stream()
                        .anyMatch(r -> resourceName(r).equals("KeyStoreTable"));
                if (onKeyStore) {
                    assertEquals(
                            List.of("dynamodb:GetItem"),
                            asList(statement.get("Action")),
                            id + " may only read branch keys");
                }
            }
        });
    }

    @Test
    void auditTrail_isAppendOnlyForEveryFunction() {
        var allowedOnAudit = Set.of("dynamodb:PutItem", "dynamodb:Query", "dynamodb:GetItem");
        template.resources(SamTemplate.FUNCTION).forEach((id, function) -> {
            for (Map<String, Object> statement : statements(map(function.get("Properties")))) {
                boolean onAudit = asList(statement.get("Resource")).stream()
                        .anyMatch(r -> resourceName(r).equals("AuditTable"));
                if (onAudit) {
                    for (Object action : asList(statement.get("Action"))) {
                        assertTrue(
                                allowedOnAudit.contains(String.valueOf(action)),
                                id + " may not " + action
                                        + " the audit trail: entries are appended, never changed or deleted");
                    }
                }
            }
        });
    }

    @Test
    void httpApi_hasAJwtAuthorizerOnEveryRouteAndCors() {
        var apis = template.resources("AWS::Serverless::HttpApi");
        assertEquals(1, apis.size());
        Map<String, Object> p = map(apis.values().iterator().next().get("Properties"));
        Map<String, Object> auth = map(p.get("Auth"));
        String authorizer = String.valueOf(auth.get("DefaultAuthorizer"));
        Map<String, Object> jwt =
                map(map(map(auth.get("Authorizers")).get(authorizer)).get("JwtConfiguration"));
        assertTrue(String.valueOf(jwt.get("issuer")).contains("UserPool"), "issuer is the template's user pool");
        assertFalse(asList(jwt.get("audience")).isEmpty());
        assertFalse(map(p.get("CorsConfiguration")).isEmpty());
        template.resources(SamTemplate.FUNCTION)
                .forEach((id, f) -> map(map(f.get("Properties")).get("Events")).forEach((event, e) -> {
                    Map<String, Object> eventAuth =
                            map(map(map(e).get("Properties")).get("Auth"));
                    assertFalse(
                            "NONE".equals(eventAuth.get("Authorizer")),
                            id + "." + event + " must not opt out of the authorizer");
                }));
    }

    @Test
    void userPool_hasTheFourRoleGroupsAndTheOutputsExist() {
        Set<Object> groups = new java.util.HashSet<>();
        template.resources("AWS::Cognito::UserPoolGroup")
                .values()
                .forEach(g -> groups.add(map(g.get("Properties")).get("GroupName")));
        assertEquals(Set.of("clinician", "coordinator", "finance", "admin"), groups);
        assertTrue(map(template.root().get("Outputs"))
                .keySet()
                .containsAll(Set.of("ApiUrl", "UserPoolId", "UserPoolClientId")));
    }

    @Test
    void appSignIn_isTheCodeFlowOfAPublicClient_withMfaAndShortTokens_atTheApiAudience() {
        Map<String, Object> pool = map(template.resources("AWS::Cognito::UserPool")
                .values()
                .iterator()
                .next()
                .get("Properties"));
        assertEquals("ON", pool.get("MfaConfiguration"), "MFA stays required");
        assertEquals(List.of("SOFTWARE_TOKEN_MFA"), pool.get("EnabledMfas"));
        assertEquals(
                Boolean.TRUE,
                map(pool.get("AdminCreateUserConfig")).get("AllowAdminCreateUserOnly"),
                "admins invite; nobody signs up");

        var clients = template.resources("AWS::Cognito::UserPoolClient");
        assertEquals(Set.of("UserPoolClient"), clients.keySet(), "one app client: the one the API's authorizer names");
        Map<String, Object> client = map(clients.get("UserPoolClient").get("Properties"));
        assertEquals(Boolean.FALSE, client.get("GenerateSecret"), "an app cannot keep a secret: PKCE instead");
        assertEquals(
                List.of("code"), client.get("AllowedOAuthFlows"), "no implicit flow: tokens never travel in a URL");
        assertEquals(Map.of("Ref", "AppCallbackUrls"), client.get("CallbackURLs"));
        assertEquals(Map.of("Ref", "AppSignOutUrls"), client.get("LogoutURLs"));
        assertEquals(List.of("COGNITO"), client.get("SupportedIdentityProviders"));
        assertEquals(60, client.get("AccessTokenValidity"));
        assertEquals(12, client.get("RefreshTokenValidity"));
        assertEquals(
                Map.of("AccessToken", "minutes", "IdToken", "minutes", "RefreshToken", "hours"),
                client.get("TokenValidityUnits"));
        assertEquals(Boolean.TRUE, client.get("EnableTokenRevocation"));

        Map<String, Object> domain = map(template.resources("AWS::Cognito::UserPoolDomain")
                .values()
                .iterator()
                .next()
                .get("Properties"));
        assertEquals(
                2,
                domain.get("ManagedLoginVersion"),
                "managed login: it walks a first sign-in through the authenticator set-up");
        Map<String, Object> style = map(template.resources("AWS::Cognito::ManagedLoginBranding")
                .values()
                .iterator()
                .next()
                .get("Properties"));
        assertEquals(
                Map.of("Ref", "UserPoolClient"),
                style.get("ClientId"),
                "without a style the client's login pages show an error");
        assertTrue(map(template.root().get("Outputs")).keySet().containsAll(Set.of("OidcIssuer", "SignInDomain")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> functionProperties) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : asList(functionProperties.get("Policies"))) {
            for (Object statement : asList(map(policy).get("Statement"))) {
                statements.add((Map<String, Object>) statement);
            }
        }
        return statements;
    }

    private static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    }

    /** The logical id a resource expression names: !GetAtt X.Arn, !Ref X or !Sub ${X.Arn}/index/... */
    private static String resourceName(Object resource) {
        Map<String, Object> intrinsic = map(resource);
        if (intrinsic.get("Fn::GetAtt") instanceof List<?> parts) {
            return String.valueOf(parts.get(0));
        }
        if (intrinsic.containsKey("Ref")) {
            return String.valueOf(intrinsic.get("Ref"));
        }
        if (intrinsic.get("Fn::Sub") instanceof String sub && sub.startsWith("${")) {
            return sub.substring(2, sub.indexOf('}')).split("\\.")[0];
        }
        return String.valueOf(resource);
    }
}
