package dk.fristed.problem;

import dk.fristed.i18n.Language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem's title and detail in the caller's language (problem-texts.tsv beside this class): the English
 * text the code wrote is looked up, exactly or as a pattern whose {@code {}} parts the code filled in; those
 * parts are carried over, translated when they are themselves a text of the table. English, or a text the
 * table lacks (ProblemTextsTest keeps that from happening), stays as it is.
 */
public final class ProblemTexts {
    private record Line(String english, Pattern pattern, int literal, Map<Language, String> translated) {}

    private static final Map<String, Line> EXACT = new HashMap<>();
    private static final List<Line> PATTERNS = new ArrayList<>();

    static {
        load();
    }

    private ProblemTexts() {}

    public static String in(Language language, String english) {
        if (language == Language.EN || english == null) {
            return english;
        }
        Line exact = EXACT.get(english);
        if (exact != null) {
            return exact.translated().get(language);
        }
        for (Line line : PATTERNS) {
            Matcher matcher = line.pattern().matcher(english);
            if (matcher.matches()) {
                return fill(line.translated().get(language), matcher, language);
            }
        }
        return english;
    }

    /** Whether the table has a line for this English text, exactly or as a pattern (for the test). */
    static boolean has(String english) {
        return EXACT.containsKey(english)
                || PATTERNS.stream().anyMatch(l -> l.english().equals(english));
    }

    private static String fill(String template, Matcher matcher, Language language) {
        StringBuilder out = new StringBuilder();
        int group = 1;
        int from = 0;
        for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
            out.append(template, from, at);
            String part = matcher.group(group++);
            out.append(in(language, part)); // a part may be a text of the table itself ("does not match: ...")
            from = at + 2;
        }
        return out.append(template.substring(from)).toString();
    }

    private static void load() {
        InputStream in = ProblemTexts.class.getResourceAsStream("problem-texts.tsv");
        if (in == null) {
            throw new IllegalStateException("problem-texts.tsv is not packaged");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] columns = row.split("\t");
                if (columns.length != 3) {
                    throw new IllegalStateException("problem-texts.tsv: not three columns: " + columns[0]);
                }
                Line line = line(columns[0], Map.of(Language.DA, columns[1], Language.NB, columns[2]));
                if (line.pattern() == null) {
                    EXACT.put(columns[0], line);
                } else {
                    PATTERNS.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the most specific pattern first: "is only for kind {}" before "is only for {}, not {}"
        PATTERNS.sort(Comparator.comparingInt(Line::literal).reversed());
    }

    private static Line line(String english, Map<Language, String> translated) {
        if (!english.contains("{}")) {
            return new Line(english, null, english.length(), translated);
        }
        StringBuilder regex = new StringBuilder();
        String[] literals = english.split("\\{}", -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append("(.+?)");
            }
            regex.append(Pattern.quote(literals[i]));
        }
        return new Line(
                english,
                Pattern.compile(regex.toString(), Pattern.DOTALL),
                english.length() - 2 * (literals.length - 1),
                translated);
    }
}
