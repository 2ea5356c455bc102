package dk.fristed.calendar;

import dk.fristed.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One rule for a year in a path, for the reports and the budget alike: four ASCII digits, 2000 to the route's latest. */
class PeriodYearTest {
    @Test
    void aYearIsFourDigitsFrom2000ToTheLatest() {
        assertEquals(2024, Period.year("2024", "year", 2025));
        assertEquals(2000, Period.year("2000", "year", 2099));
        assertEquals(2099, Period.year("2099", "year", 2099));
        for (String refused : List.of("1999", "2026", "+2024", "02024", "224", "２０２４", "2024 ", "", "twenty")) {
            ApiProblem problem = assertThrows(ApiProblem.class, () -> Period.year(refused, "year", 2025), refused);
            assertEquals(400, problem.status());
            assertEquals("year", problem.field());
            assertEquals("must be a year from 2000 to 2025", problem.detail());
        }
        assertThrows(ApiProblem.class, () -> Period.year(null, "year", 2025));
    }
}
