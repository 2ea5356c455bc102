package dk.fristed.visits;

import dk.fristed.devkit.SamTemplate;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** template.yaml and the function agree on the routes: no route deployed without a handler, none handled but unreachable. */
class TemplateRoutesTest {
    @Test
    void routesInTemplate_areExactlyTheFunctionsRouteTable() {
        var definition = SamTemplate.ofProject().functions().stream()
                .filter(f -> f.handlerClass().equals(VisitsFunction.class.getName()))
                .findFirst()
                .orElseThrow();
        Set<String> templateRoutes = definition.routes().stream()
                .map(SamTemplate.HttpRoute::key)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(
                templateRoutes, new TreeSet<>(new VisitsApi().function.routes().keySet()));
    }
}
