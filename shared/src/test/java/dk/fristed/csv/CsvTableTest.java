package dk.fristed.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableTest {
    @Test
    void aSpreadsheetReadsBack_everyCellAsWritten_formulasAsText() throws IOException {
        CsvTable table = new CsvTable(List.of("name", "amount"));
        table.row().text("Sørlandet sykehus, Ålesund \"Æ\"").value("1312450.00").end();
        table.row().text("=HYPERLINK(\"http://x\",\"click\")").value("-12.50").end();
        table.row().text("+47 22 00 00 00").value(null).end();
        table.row().text("two\nlines").value("0.05").end();

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
    void everyFormulaLead_isNeutralised() {
        for (String lead : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertEquals("'" + lead + "1", CsvTable.neutralised(lead + "1"), lead);
        }
        assertEquals("Rigshospitalet", CsvTable.neutralised("Rigshospitalet"));
    }
}
