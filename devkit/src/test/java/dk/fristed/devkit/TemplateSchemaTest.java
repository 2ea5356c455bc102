package dk.fristed.devkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dk.fristed.json.Json;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** `make validate`: template.yaml against the published SAM JSON Schema (../shared/schemas/sam.schema.json). */
class TemplateSchemaTest {
    /** The published SAM schema, kept in the reference folder ../shared beside the project (SAM_SCHEMA overrides). */
    static final Path SCHEMA = System.getenv("SAM_SCHEMA") != null
            ? Path.of(System.getenv("SAM_SCHEMA"))
            : SamTemplate.projectRoot()
                    .resolveSibling("shared")
                    .resolve("schemas")
                    .resolve("sam.schema.json");

    static JsonSchema samSchema() throws java.io.IOException {
        if (!Files.exists(SCHEMA)) {
            throw new AssertionError(
                    "the SAM schema is not at " + SCHEMA + ": it lives in the reference folder ../shared beside"
                            + " this project (schemas/sam.schema.json); set SAM_SCHEMA to use a copy elsewhere");
        }
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    @Test
    void template_isValidAgainstTheSamSchema() throws Exception {
        JsonSchema schema = samSchema();
        JsonNode template = Json.mapper().valueToTree(SamTemplate.ofProject().root());

        Set<ValidationMessage> problems = schema.validate(template);

        assertEquals(Set.of(), problems, "template.yaml does not match the SAM schema");
    }

    @Test
    void schemaCheck_catchesABrokenTemplate() throws Exception {
        JsonSchema schema = samSchema();
        Map<String, Object> broken =
                new java.util.LinkedHashMap<>(SamTemplate.ofProject().root());
        // most SAM properties pass through to CloudFormation unchecked, but SAM's own keys are closed sets
        broken.put(
                "Resources",
                Map.of("F", Map.of("Type", "AWS::Serverless::Function", "Propertes", Map.of("Handler", "x::y"))));

        assertFalse(schema.validate(Json.mapper().valueToTree(broken)).isEmpty());
    }
}
