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
    static final Path SCHEMA = SamTemplate.projectRoot().resolveSibling("shared").resolve("schemas").resolve("sam.schema.json");

    @Test
    void template_isValidAgainstTheSamSchema() throws Exception {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        JsonNode template = Json.mapper().valueToTree(SamTemplate.ofProject().root());

        Set<ValidationMessage> problems = schema.validate(template);

        assertEquals(Set.of(), problems, "template.yaml does not match the SAM schema");
    }

    @Test
    void schemaCheck_catchesABrokenTemplate() throws Exception {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Map<String, Object> broken = new java.util.LinkedHashMap<>(SamTemplate.ofProject().root());
        // most SAM properties pass through to CloudFormation unchecked, but SAM's own keys are closed sets
        broken.put("Resources", Map.of("F", Map.of("Type", "AWS::Serverless::Function",
                "Propertes", Map.of("Handler", "x::y"))));

        assertFalse(schema.validate(Json.mapper().valueToTree(broken)).isEmpty());
    }
}
