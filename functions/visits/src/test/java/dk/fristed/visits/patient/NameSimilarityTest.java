package dk.fristed.visits.patient;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NameSimilarityTest {
    @Test
    void compare_accentsCaseOrderAndTypos() {
        assertEquals("EXACT", match("Ana-Maria Popescu", "popescu ana maria"));
        assertEquals("EXACT", match("Şerban Ţurcanu", "Serban Turcanu"));
        assertEquals("SIMILAR", match("Mohammed Ali", "Mohamed Aly"));
        assertEquals("DIFFERENT", match("Elena Ionescu", "Dawit Tesfaye"));
        assertEquals("UNKNOWN", match(null, "Dawit"));
    }

    private static String match(String a, String b) {
        return NameSimilarity.compare(Optional.ofNullable(a), Optional.ofNullable(b))
                .name();
    }
}
