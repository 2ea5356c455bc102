package dk.fristed.i18n;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageTest {
    @Test
    void acceptLanguage_theFirstOfOursByWeight_elseEnglish() {
        assertEquals(Language.DA, Language.preferred("da-DK,da;q=0.9,en-US;q=0.8"));
        assertEquals(Language.NB, Language.preferred("fr-FR, no;q=0.7, en;q=0.5"));
        assertEquals(Language.NB, Language.preferred("nn-NO"));
        assertEquals(Language.DA, Language.preferred("en;q=0.4, da;q=0.6"), "weights, not order");
        assertEquals(Language.EN, Language.preferred("de-DE, fr;q=0.9"));
        assertEquals(Language.EN, Language.preferred("da;q=0, *"), "q=0 means not this one");
        assertEquals(Language.EN, Language.preferred("da;q=oops"), "a malformed weight is no preference");
        assertEquals(Language.EN, Language.preferred(""));
    }

    @Test
    void numbers_asEachLanguageWritesThem() {
        assertEquals("-1234.50", Language.EN.decimal("-1234.50"));
        assertEquals("-1234,50", Language.DA.decimal("-1234.50"));
        assertEquals("3,380,375.00", Language.EN.grouped("3380375.00"));
        assertEquals("3.380.375,00", Language.DA.grouped("3380375.00"));
        assertEquals("3\u00A0380\u00A0375,00", Language.NB.grouped("3380375.00"));
        assertEquals("-380.375,00", Language.DA.grouped("-380375.00"));
        assertEquals("999", Language.DA.grouped("999"));
    }
}
