package dk.fristed.devkit;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteProfilesTest {
    @Test
    void everyDeployedRoute_hasACostProfile_andNoStaleOnes() {
        Set<String> deployed = new TreeSet<>();
        SamTemplate.ofProject().functions().forEach(f -> f.routes().forEach(r -> deployed.add(r.key())));

        assertEquals(deployed, new TreeSet<>(RouteProfiles.all().keySet()));
    }
}
