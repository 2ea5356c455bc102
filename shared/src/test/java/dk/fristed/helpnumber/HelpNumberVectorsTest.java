package dk.fristed.helpnumber;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.json.Json;
import dk.fristed.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The help numbers of web/test-vectors/help-numbers.json as the server reads them: each is what the file
 * says it is. The web app's check of a typed number is held to the same file in WebAppIT, so the two
 * never disagree about a number at the desk.
 */
class HelpNumberVectorsTest {
    @Test
    void theServer_agreesWithEveryVector() throws IOException {
        JsonNode vectors = Json.mapper()
                .readTree(Path.of("..", "web", "test-vectors", "help-numbers.json")
                        .toFile())
                .get("vectors");
        assertTrue(vectors.size() > 100);
        for (JsonNode vector : vectors) {
            String typed = vector.get("typed").asText();
            assertEquals(vector.get("state").asText(), state(typed), typed);
            if (vector.has("formatted")) {
                assertEquals(
                        vector.get("formatted").asText(),
                        HelpNumber.parse(typed, "h").formatted());
            }
        }
    }

    /** The server's verdict in the file's words. */
    private static String state(String typed) {
        try {
            HelpNumber.parse(typed, "helpNumber");
            return "valid";
        } catch (ApiProblem refused) {
            String compact = typed.replace("-", "").replace(" ", "");
            if (refused.detail().startsWith("may only use")) {
                return "bad-character";
            }
            if (refused.detail().startsWith("check character")) {
                return "mistyped";
            }
            return compact.length() < 8 ? "incomplete" : "too-long";
        }
    }
}
