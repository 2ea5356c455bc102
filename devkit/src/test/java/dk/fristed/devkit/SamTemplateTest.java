package dk.fristed.devkit;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dk.fristed.devkit.SamTemplate.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamTemplateTest {
    private final SamTemplate template = SamTemplate.ofProject();

    /**
     * make localstack (and an operator) finds a deployed function by name; its logs are where the
     * name says, as Lambda's default would put them.
     */
    @Test
    void everyFunction_isNamedPerStage_likeItsLogGroup() {
        var logGroups = template.resources("AWS::Logs::LogGroup");
        assertFalse(template.functions().isEmpty());
        for (var function : template.functions()) {
            String name = template.deployedName(function, "staging");
            assertTrue(name.matches("fristed-staging-[a-z-]+"), function.logicalId() + " is named " + name);

            var properties = map(template.resources(SamTemplate.FUNCTION)
                    .get(function.logicalId())
                    .get("Properties"));
            String logGroup = String.valueOf(
                    map(map(properties.get("LoggingConfig")).get("LogGroup")).get("Ref"));
            Object logGroupName = map(logGroups.get(logGroup).get("Properties")).get("LogGroupName");
            assertEquals(
                    "/aws/lambda/" + name,
                    template.resolveLocally(logGroupName, Map.of("Stage", "staging")),
                    function.logicalId());
        }
    }
}
