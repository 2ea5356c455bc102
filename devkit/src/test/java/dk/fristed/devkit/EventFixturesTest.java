package dk.fristed.devkit;

import dk.fristed.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** events/ holds exactly one sample event for every HttpApi route of template.yaml, each readable as Lambda reads it. */
class EventFixturesTest {
    @Test
    void everyRoute_hasExactlyOneFixture() throws IOException {
        Set<String> fixtureRoutes = new TreeSet<>();
        try (Stream<Path> files = Files.list(SamTemplate.projectRoot().resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                var event = Json.mapper().readTree(file.toFile());
                String route = event.get("routeKey").asText();
                assertTrue(fixtureRoutes.add(route), "two fixtures for " + route);
                assertEquals(
                        route,
                        ApiEvents.read(event).getRequestContext().getRouteKey(),
                        file.getFileName().toString());
            }
        }
        Set<String> deployed = new TreeSet<>();
        SamTemplate.ofProject().functions().forEach(f -> f.routes().forEach(r -> deployed.add(r.key())));
        assertEquals(deployed, fixtureRoutes);
    }
}
