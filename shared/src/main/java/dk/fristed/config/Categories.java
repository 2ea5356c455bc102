package dk.fristed.config;

import dk.fristed.problem.ApiProblem;

import java.util.Arrays;
import java.util.List;

/** The expense categories of this deployment (BUDGET_CATEGORIES in template.yaml), lower case, as clients send them. */
public record Categories(List<String> names) {
    public static final String VARIABLE = "BUDGET_CATEGORIES";
    public static final String DEFAULT = "medicine,laboratory,treatment_materials,rent,cleaning,it,other";

    public static Categories fromEnvironment(Environment env) {
        return parse(env.get(VARIABLE, DEFAULT));
    }

    public static Categories parse(String commaSeparated) {
        return new Categories(Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList());
    }

    public String require(String value, String field) {
        if (value == null || !names.contains(value.strip())) {
            throw ApiProblem.badRequest(field, "must be one of " + String.join(", ", names));
        }
        return value.strip();
    }
}
