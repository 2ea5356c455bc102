package dk.fristed.devkit;

import java.util.List;

/**
 * What one request to a route costs in DynamoDB: the API calls it makes (pinned by the round-trip
 * tests) and the capacity units they consume for items of typical size (under 1 KB). The cost model
 * prices these; the tests fail if a route starts making more calls than listed here.
 *
 * @param readUnits  read request units (strongly consistent 4 KB = 1, eventually consistent = 0.5)
 * @param writeUnits write request units (1 KB = 1, transactional = 2, plus 1 per index the item is in)
 */
public record RouteProfile(String route, List<String> dynamoCalls, double readUnits, double writeUnits) {}
