package dk.fristed.icpc;

import dk.fristed.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IcpcCodeTest {
    @Test
    void parse_validCodes_normalisedWithChapterAndComponent() {
        IcpcCode backPain = IcpcCode.parse(" l03 ", "diagnoses[0]");
        assertEquals("L03", backPain.value());
        assertEquals(IcpcChapter.L, backPain.chapter());
        assertEquals(IcpcCode.Component.SYMPTOM, backPain.component());
        assertEquals(IcpcCode.Component.PROCESS, IcpcCode.parse("A31", "d").component());
        assertEquals(IcpcCode.Component.DIAGNOSIS, IcpcCode.parse("T90", "d").component());
    }

    @Test
    void parse_invalidCodes_explainTheRule() {
        assertTrue(detail("L3").contains("chapter letter and two digits"));
        assertTrue(detail("L033").contains("chapter letter and two digits"));
        assertTrue(detail("Q12").contains("does not start with an ICPC-2 chapter letter"));
        assertFalse(detail("C12").contains("C12") || detail("C12").contains(" C;"), "the code typed is never repeated");
        assertTrue(detail("A00").contains("01 to 99"));
        assertTrue(detail("' OR 1=1").contains("chapter letter"));
    }

    @Test
    void chapters_areTheSeventeenOfIcpc2() {
        assertEquals(17, IcpcChapter.values().length);
        assertEquals(
                "ABDFHKLNPRSTUWXYZ",
                java.util.Arrays.stream(IcpcChapter.values()).map(Enum::name).reduce("", String::concat));
    }

    private static String detail(String code) {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> IcpcCode.parse(code, "diagnoses[0]"));
        assertEquals("diagnoses[0]", problem.field());
        return problem.detail();
    }
}
