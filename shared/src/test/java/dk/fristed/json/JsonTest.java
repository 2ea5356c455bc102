package dk.fristed.json;

import dk.fristed.http.ApiProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {
    record Body(Integer year, String name, LocalDate date, List<String> codes) {
    }

    @Test
    void read_validBody_parsesIsoDates() {
        assertEquals(LocalDate.of(2025, 3, 4), Json.read("{\"date\":\"2025-03-04\"}", Body.class).date());
    }

    @Test
    void read_eachKindOfBadInput_namesTheFieldWithoutItsValue() {
        assertField("body", "");
        assertField("body", "{\"year\":");
        assertField("body", "[1,2]");
        assertField("body", "null");
        assertField("body", "{} {}");
        assertField("secret", "{\"secret\":\"Ana\"}");
        assertField("year", "{\"year\":\"1985\"}");
        assertField("year", "{\"year\":1985.5}");
        assertField("name", "{\"name\":17}");
        assertField("date", "{\"date\":\"04/03/2025\"}");
        assertField("codes[1]", "{\"codes\":[\"L03\",{}]}");
        assertField("codes[0]", "{\"codes\":" + "[".repeat(100) + "]".repeat(100) + "}");
    }

    private static void assertField(String field, String body) {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> Json.read(body, Body.class), body);
        assertEquals(400, problem.status());
        assertEquals(field, problem.field(), body);
    }
}
