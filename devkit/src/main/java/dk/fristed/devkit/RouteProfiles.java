package dk.fristed.devkit;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every route's DynamoDB profile, in one place for the round-trip tests and `make cost`. */
public final class RouteProfiles {
    private static final Map<String, RouteProfile> ALL = Stream.of(
            // transaction: patient put (2) + ByCohort index (1) + idempotency claim (2)
            new RouteProfile("POST /patients", List.of("transactWriteItems"), 0, 5),
            new RouteProfile("GET /patients/{helpNumber}", List.of("getItem"), 1, 0),
            // update (1) + ByCohort index delete and put if the cohort changed (2)
            new RouteProfile("PUT /patients/{helpNumber}", List.of("updateItem"), 0, 3),
            // one query on ByCohort, eventually consistent, a page within 4 KB
            new RouteProfile("GET /patients", List.of("query"), 0.5, 0),
            // read the patient (1); transaction: visit put (2) + BySiteDate (1) + patient check or
            // update (2) + ByCohort (1) + idempotency claim (2)
            new RouteProfile("POST /visits", List.of("getItem", "transactWriteItems"), 1, 8),
            new RouteProfile("GET /patients/{helpNumber}/visits", List.of("query"), 0.5, 0),
            // a page of up to 50 visits is about 15 KB: four 4 KB units, eventually consistent
            new RouteProfile("GET /visits", List.of("query"), 2, 0),
            new RouteProfile("GET /openapi.json", List.of(), 0, 0)
    ).collect(Collectors.toUnmodifiableMap(RouteProfile::route, Function.identity()));

    private RouteProfiles() {
    }

    public static RouteProfile of(String route) {
        RouteProfile profile = ALL.get(route);
        if (profile == null) {
            throw new IllegalArgumentException("no DynamoDB profile for " + route + ": add it to RouteProfiles");
        }
        return profile;
    }

    public static Map<String, RouteProfile> all() {
        return ALL;
    }
}
