package dk.fristed.reports.report;

import com.fasterxml.jackson.databind.JsonNode;
import dk.fristed.csv.CsvTable;
import dk.fristed.i18n.Language;
import dk.fristed.i18n.Language.Text;
import dk.fristed.json.Json;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A report as CSV: every figure of the JSON answer on a row of its own, named by its path
 * ({@code patients.bySex.female}, {@code patients.byNationality.RO.share}), so the CSV holds exactly
 * what the JSON holds and a spreadsheet can pivot it. In a list, an entry is named by its first text
 * field (a nationality, a currency, a type of source).
 */
public final class ReportCsv {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]+");

    private ReportCsv() {}

    static final List<Text> HEADER = List.of(new Text("figure", "Tal", "Tall"), new Text("value", "Værdi", "Verdi"));

    public static String csv(Object report, Language language) {
        CsvTable table = new CsvTable(language, HEADER);
        flatten("", Json.mapper().valueToTree(report), table);
        return table.toString();
    }

    private static void flatten(String path, JsonNode node, CsvTable table) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                flatten(join(path, field.getKey()), field.getValue(), table);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode entry = node.get(i);
                flatten(join(path, name(entry, i)), entry, table);
            }
        } else if (!node.isNull()) {
            CsvTable.Row row = table.row().text(path);
            (isDecimal(node) ? row.decimal(node.asText()) : row.value(node.asText())).end();
        }
    }

    /** A share or percentage: the report writes them as decimal strings ("12.5"), exact; no name looks like one. */
    private static boolean isDecimal(JsonNode node) {
        return node.isFloatingPointNumber()
                || (node.isTextual() && DECIMAL.matcher(node.asText()).matches());
    }

    private static String name(JsonNode entry, int index) {
        if (entry.isObject()) {
            for (JsonNode value : (Iterable<JsonNode>) entry::elements) {
                if (value.isTextual()) {
                    return value.asText();
                }
            }
        }
        return Integer.toString(index);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
