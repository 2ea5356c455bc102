package dk.fristed.csv;

import dk.fristed.i18n.Language;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file a spreadsheet opens as it was meant (RFC 4180): in English comma-separated with decimal
 * points, in Danish and Norwegian semicolon-separated with decimal commas ({@link Language}), as their
 * spreadsheets expect; CRLF line ends, fields
 * quoted where they must be, UTF-8 with a byte-order mark so that Excel keeps æ, ø and å. A text cell
 * that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) gets
 * a leading apostrophe, as OWASP advises, so it stays text; numbers the code wrote are left as they are.
 */
public final class CsvTable {
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final StringBuilder text = new StringBuilder().append(BYTE_ORDER_MARK);
    private final Language language;
    private final int columns;

    public CsvTable(Language language, List<Language.Text> header) {
        this.language = language;
        this.columns = header.size();
        Row row = new Row();
        header.forEach(name -> row.text(name.in(language)));
        row.end();
    }

    /** The language's way with decimals, for a cell that holds several ({@code 2025-03-01 1000,00; ...}). */
    public String decimal(String plain) {
        return language.decimal(plain);
    }

    /** A new row; add exactly as many cells as the header has, then {@link Row#end()}. */
    public Row row() {
        return new Row();
    }

    public final class Row {
        private final List<String> cells = new ArrayList<>();

        private Row() {}

        /** Text someone typed (a name, a creditor): neutralised if it could be a formula. Null is an empty cell. */
        public Row text(String value) {
            cells.add(value == null ? "" : neutralised(value));
            return this;
        }

        /** A number or date the code formatted itself (never negative-looking text from a user). */
        public Row value(Object value) {
            cells.add(value == null ? "" : value.toString());
            return this;
        }

        /** A decimal the code formatted ({@code -1234.50}), written with the language's decimal mark. */
        public Row decimal(String plain) {
            cells.add(plain == null ? "" : language.decimal(plain));
            return this;
        }

        public void end() {
            if (cells.size() != columns) {
                throw new IllegalStateException("a row of " + cells.size() + " cells under a header of " + columns);
            }
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    text.append(language.separator());
                }
                text.append(quoted(cells.get(i)));
            }
            text.append("\r\n");
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String neutralised(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private String quoted(String cell) {
        if (cell.indexOf(language.separator()) < 0
                && cell.indexOf('"') < 0
                && cell.indexOf('\n') < 0
                && cell.indexOf('\r') < 0) {
            return cell;
        }
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
