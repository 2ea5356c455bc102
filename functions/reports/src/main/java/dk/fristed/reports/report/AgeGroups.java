package dk.fristed.reports.report;

import dk.fristed.config.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The age groups a report counts patients in, configured as {@code 0-17,18-29,30-44,45+}: they start
 * at 0, follow each other without a gap or overlap, and the last is open. A configuration that breaks
 * this stops the function at start, not in a report.
 */
public record AgeGroups(List<Group> groups) {
    public static final String VARIABLE = "REPORT_AGE_GROUPS";
    public static final String DEFAULT = "0-17,18-29,30-44,45+";
    private static final Pattern GROUP = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3})|(\\+))");

    /** From {@code from} to {@code to} years inclusive; {@code to} is null for the last, open group. */
    public record Group(String name, int from, Integer to) {
        boolean contains(int age) {
            return age >= from && (to == null || age <= to);
        }
    }

    public static AgeGroups fromEnvironment(Environment env) {
        return parse(env.get(VARIABLE, DEFAULT));
    }

    public static AgeGroups parse(String commaSeparated) {
        List<Group> groups = new ArrayList<>();
        int next = 0;
        String[] parts = commaSeparated.split(",");
        for (int i = 0; i < parts.length; i++) {
            String name = parts[i].trim();
            Matcher m = GROUP.matcher(name);
            boolean last = i == parts.length - 1;
            if (!m.matches() || Integer.parseInt(m.group(1)) != next || (m.group(3) != null) != last) {
                throw new IllegalArgumentException(
                        VARIABLE + " must be groups like 0-17,18-29,30-44,45+ that start at 0, "
                                + "follow each other and end with an open group; got: " + commaSeparated);
            }
            Integer to = last ? null : Integer.valueOf(m.group(2));
            if (to != null && to < next) {
                throw new IllegalArgumentException(VARIABLE + ": a group ends before it starts: " + name);
            }
            groups.add(new Group(name, next, to));
            next = to == null ? next : to + 1;
        }
        return new AgeGroups(List.copyOf(groups));
    }

    /** The group of an age (never below 0: a birth year is never after the report's year). */
    public String of(int age) {
        return groups.stream()
                .filter(g -> g.contains(Math.max(0, age)))
                .findFirst()
                .orElseThrow()
                .name();
    }

    public List<String> names() {
        return groups.stream().map(Group::name).toList();
    }
}
