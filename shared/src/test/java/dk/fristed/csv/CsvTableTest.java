package dk.fristed.csv;

import dk.fristed.i18n.Language;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableTest {
    private static final List<Language.Text> HEADER =
            List.of(new Language.Text("name", "navn", "navn"), new Language.Text("amount", "beløb", "beløp"));

    @Test
    void aSpreadsheetReadsBack_everyCellAsWritten_formulasAsText() throws IOException {
        CsvTable table = new CsvTable(Language.EN, HEADER);
        table.row()
                .text("Sørlandet sykehus, Ålesund \"Æ\"")
                .decimal("1312450.00")
                .end();
        table.row().text("=HYPERLINK(\"http://x\",\"click\")").decimal("-12.50").end();
        table.row().text("+47 22 00 00 00").value(null).end();
        table.row().text("two\nlines").decimal("0.05").end();

        String csv = table.toString();
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark, so Excel reads UTF-8");
        assertTrue(csv.contains("\r\n"));
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.substring(1)))
                .getRecords();
        assertEquals(4, rows.size());
        assertEquals("Sørlandet sykehus, Ålesund \"Æ\"", rows.get(0).get("name"));
        assertEquals("1312450.00", rows.get(0).get("amount"));
        assertEquals("'=HYPERLINK(\"http://x\",\"click\")", rows.get(1).get("name"));
        assertEquals("-12.50", rows.get(1).get("amount"), "numbers the code wrote are left alone");
        assertEquals("'+47 22 00 00 00", rows.get(2).get("name"));
        assertEquals("", rows.get(2).get("amount"));
        assertEquals("two\nlines", rows.get(3).get("name"));
    }

    @Test
    void inDanishAndNorwegian_semicolonsAndDecimalCommas_asTheirSpreadsheetsRead() throws IOException {
        for (Language language : List.of(Language.DA, Language.NB)) {
            CsvTable table = new CsvTable(language, HEADER);
            table.row()
                    .text("Odense Universitetshospital; afd. M")
                    .decimal("1312450.00")
                    .end();
            table.row().text("Rigshospitalet").decimal("-12.50").end();
            String csv = table.toString();
            List<CSVRecord> rows = CSVFormat.RFC4180
                    .builder()
                    .setDelimiter(';')
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(csv.substring(1)))
                    .getRecords();
            assertEquals("Odense Universitetshospital; afd. M", rows.get(0).get(0));
            assertEquals("1312450,00", rows.get(0).get(language == Language.DA ? "beløb" : "beløp"));
            assertEquals("-12,50", rows.get(1).get(1));
            assertEquals(
                    new BigDecimal("1312437.50"),
                    rows.stream()
                            .map(r -> (BigDecimal) parseDanish(r.get(1)))
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    /** A cell read as Danish Excel reads a number: decimal comma, dot between thousands. */
    private static Number parseDanish(String cell) {
        try {
            DecimalFormat danish =
                    new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(new Locale("da", "DK")));
            danish.setParseBigDecimal(true);
            return danish.parse(cell);
        } catch (java.text.ParseException e) {
            throw new AssertionError(cell, e);
        }
    }

    @Test
    void everyFormulaLead_isNeutralised() {
        for (String lead : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertEquals("'" + lead + "1", CsvTable.neutralised(lead + "1"), lead);
        }
        assertEquals("Rigshospitalet", CsvTable.neutralised("Rigshospitalet"));
    }
}
