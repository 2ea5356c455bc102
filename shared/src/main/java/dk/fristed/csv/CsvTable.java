package dk.fristed.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file a spreadsheet opens as it was meant (RFC 4180): comma-separated, CRLF line ends, fields
 * quoted where they must be, UTF-8 with a byte-order mark so that Excel keeps æ, ø and å. A text cell
 * that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) gets
 * a leading apostrophe, as OWASP advises, so it stays text; numbers the code wrote are left as they are.
 */
public final class CsvTable {
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final StringBuilder text = new StringBuilder().append(BYTE_ORDER_MARK);
    private final int columns;

    public CsvTable(List<String> header) {
        this.columns = header.size();
        Row row = new Row();
        header.forEach(row::text);
        row.end();
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

        public void end() {
            if (cells.size() != columns) {
                throw new IllegalStateException("a row of " + cells.size() + " cells under a header of " + columns);
            }
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    text.append(',');
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

    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
