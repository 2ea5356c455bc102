package dk.fristed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.json.Json;

import java.util.List;

/** How much of a year the publishable version shows: its counts shown against hidden, and the nationalities listed. */
final class PublishedCells {
    private static final List<String> BREAKDOWNS = List.of(
            "/patients/bySex",
            "/patients/byAgeGroup",
            "/visits/byArea",
            "/diagnoses/byChapter",
            "/referrals/byKind",
            "/referrals/byState",
            "/referrals/rejectionsByReason",
            "/referrals/complaintOutcomes",
            "/invoices/byOutcome");

    private PublishedCells() {}

    static String of(String publishedJson, String internalJson) {
        JsonNode published = Json.read(publishedJson, JsonNode.class);
        JsonNode internal = Json.read(internalJson, JsonNode.class);
        int shown = published.at("/patients/newPatients").isInt() ? 1 : 0;
        int cells = 1;
        for (String breakdown : BREAKDOWNS) {
            for (JsonNode cell : published.at(breakdown)) {
                shown += cell.isInt() ? 1 : 0;
                cells++;
            }
        }
        int nationalities = internal.at("/patients/byNationality").size();
        int listed = published.at("/patients/byNationality").size();
        return shown + " of " + cells + " counts shown; " + listed + " of " + nationalities + " nationalities listed, "
                + published.at("/patients/otherNationalities") + " patients in the others; withheld "
                + published.get("withheld");
    }
}
