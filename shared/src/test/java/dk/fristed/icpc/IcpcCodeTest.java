package dk.fristed.icpc;

import dk.fristed.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

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
    void parse_aCodeOfTheRightFormThatIcpc2DoesNotHave_isRefused() {
        for (String missing : List.of("Z99", "A12", "R70", "B01", "Z70")) {
            String detail = detail(missing);
            assertTrue(detail.contains("is not a code ICPC-2 has"), missing + ": " + detail);
            assertFalse(detail.contains(missing), "the code typed is never repeated");
        }
        for (String present : List.of("A01", "A97", "R91", "R96", "Z29", "Z45", "X30", "P82", "T90", "W78")) {
            assertEquals(present, IcpcCode.parse(present, "d").value());
        }
    }

    @Test
    void codes_areIcpc2sRubricsAndTheProcessCodesOfEveryChapter() {
        List<String> all = IcpcCodes.all();
        assertEquals(
                686 + 1 + 17 * 40, all.size(), "686 rubrics, R91 of the first edition, 40 process codes a chapter");
        assertEquals("A01", all.get(0));
        assertEquals("Z69", all.get(all.size() - 1));
        assertEquals(all.stream().sorted().toList(), all, "in the classification's order");
        assertTrue(all.stream().allMatch(code -> new IcpcCode(code).value().equals(code)));
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
