package dk.fristed.site;

import dk.fristed.problem.ApiProblem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The clinic's addresses, configured per deployment ({@code SITES=copenhagen,aarhus,odense,aalborg}
 * in template.yaml), so a new address or the Oslo centre needs no code change.
 */
public final class Sites {
    public static final String VARIABLE = "SITES";
    private final List<String> names;

    public Sites(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least one site must be configured");
        }
        this.names = List.copyOf(names);
    }

    public static Sites parse(String commaSeparated) {
        return new Sites(Arrays.stream(commaSeparated.split(","))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .toList());
    }

    public String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest(field, "is required");
        }
        String site = value.strip().toLowerCase(Locale.ROOT);
        if (!names.contains(site)) {
            throw ApiProblem.badRequest(field, "must be one of " + String.join(", ", names));
        }
        return site;
    }

    public List<String> names() {
        return names;
    }
}
