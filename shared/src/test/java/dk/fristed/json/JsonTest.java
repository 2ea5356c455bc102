package dk.fristed.json;

import dk.fristed.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {
    record Body(Integer year, String name, LocalDate date, List<String> codes) {}

    @Test
    void read_validBody_parsesIsoDates() {
        assertEquals(
                LocalDate.of(2025, 3, 4),
                Json.read("{\"date\":\"2025-03-04\"}", Body.class).date());
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

    record Outer(Body inner, List<Body> list) {}

    @Test
    void read_aKeyTwice_namesItsPath_wherever_andWhicheverValueComesFirst() {
        assertField("year", "{\"year\":1985,\"year\":1986}");
        assertField("year", "{\"year\":1986,\"name\":\"Ana\",\"year\":1985}");
        assertField("inner.name", "{\"inner\":{\"name\":\"a\",\"name\":\"b\"}}", Outer.class);
        assertField("list[1].date", "{\"list\":[{},{\"date\":\"2025-03-04\",\"date\":\"2025-03-05\"}]}", Outer.class);
    }

    @Test
    void read_datesOutsideTheApisYears_areRefused() {
        for (String date :
                List.of("0000-01-01", "1999-12-31", "2100-01-01", "9999-12-31", "+12025-01-01", "+2025-01-01")) {
            assertField("date", "{\"date\":\"" + date + "\"}");
        }
        assertEquals(
                LocalDate.of(2099, 12, 31),
                Json.read("{\"date\":\"2099-12-31\"}", Body.class).date());
    }

    private static void assertField(String field, String body) {
        assertField(field, body, Body.class);
    }

    private static void assertField(String field, String body, Class<?> type) {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> Json.read(body, type), body);
        assertEquals(400, problem.status());
        assertEquals(field, problem.field(), body);
    }
}
