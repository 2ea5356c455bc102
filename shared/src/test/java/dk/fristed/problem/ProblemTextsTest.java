package dk.fristed.problem;

import dk.fristed.i18n.Language;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every problem the code can answer has its Danish and Norwegian text: the titles and details written in the
 * main code of every module (read from the sources, a detail's filled-in parts as {@code {}}) are all in
 * problem-texts.tsv.
 */
class ProblemTextsTest {
    /** A factory and which of its arguments is the detail. */
    private static final Pattern CALL = Pattern.compile(
            "ApiProblem\\.(badRequest|notFound|gone|unprocessable|conflict|preconditionFailed)\\(|new ApiProblem\\(");

    @Test
    void everyTitleAndDetailInTheCode_hasItsTranslations() throws IOException {
        Set<String> texts = textsInTheCode();
        assertTrue(texts.size() > 100, "the sources were read: " + texts.size());
        assertTrue(texts.contains("is not a code ICPC-2 has; GET /reference lists them"), texts.toString());
        assertTrue(texts.contains("{} that is {} cannot take {}; allowed: {}"), texts.toString());
        List<String> missing = texts.stream().filter(t -> !ProblemTexts.has(t)).toList();
        assertEquals(List.of(), missing, "add them to problem-texts.tsv");
    }

    @Test
    void aDetail_isToldInTheLanguage_itsFilledInPartsCarriedOverOrTranslated() {
        assertEquals("er påkrævet", ProblemTexts.in(Language.DA, "is required"));
        assertEquals("kreves", ProblemTexts.in(Language.NB, "is required"));
        assertEquals("is required", ProblemTexts.in(Language.EN, "is required"));
        assertEquals(
                "skal være en af copenhagen, aarhus",
                ProblemTexts.in(Language.DA, "must be one of copenhagen, aarhus"));
        assertEquals(
                "en henvisning i tilstanden drafted kan ikke tage accept; tilladt: send, cancel",
                ProblemTexts.in(Language.DA, "a referral that is drafted cannot take accept; allowed: send, cancel"));
        assertEquals(
                "stemmer ikke: posten (henvisning) er endret siden du leste den; les den igjen",
                ProblemTexts.in(
                        Language.NB, "does not match: the referral was changed since you read it; read it again"));
        assertEquals("gælder kun art examination", ProblemTexts.in(Language.DA, "is only for kind examination"));
        assertEquals("Ugyldig forespørgsel", ProblemTexts.in(Language.DA, "Invalid request"));
        assertEquals("a text nobody wrote", ProblemTexts.in(Language.DA, "a text nobody wrote"), "kept as it is");
    }

    /** The titles and details of every ApiProblem made in the main sources of the project's modules. */
    static Set<String> textsInTheCode() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Set<String> texts = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                            && f.toString().contains("/src/main/java/")
                            && !f.toString().contains("/target/"))
                    .toList()) {
                String source = Files.readString(file);
                Matcher call = CALL.matcher(source);
                while (call.find()) {
                    List<String> arguments = arguments(source, call.end());
                    if (call.group(1) == null) { // new ApiProblem(status, title, detail, field)
                        if (arguments.size() >= 3) {
                            templates(arguments.get(1), texts);
                            templates(arguments.get(2), texts);
                        }
                    } else {
                        boolean detailFirst =
                                Set.of("conflict", "preconditionFailed").contains(call.group(1));
                        if (arguments.size() > (detailFirst ? 0 : 1)) {
                            templates(arguments.get(detailFirst ? 0 : 1), texts);
                        }
                    }
                }
            }
        }
        return texts;
    }

    /** The call's arguments as written, split at its own commas. */
    private static List<String> arguments(String source, int from) {
        int depth = 1;
        int at = from;
        for (; depth > 0; at++) {
            char c = source.charAt(at);
            if (c == '"') {
                at = endOfString(source, at);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return topLevel(source.substring(from, at - 1), ",").stream()
                .map(String::strip)
                .toList();
    }

    /**
     * An argument as the texts it can make: string literals kept, anything else {@code {}}; both sides of a
     * {@code ? :}; nothing for a value passed through (a bare name: its texts are written where it is made).
     */
    private static void templates(String argument, Set<String> texts) {
        List<String> parts = topLevel(argument, "?:");
        if (parts.size() == 3) {
            templates(parts.get(1), texts);
            templates(parts.get(2), texts);
            return;
        }
        if (!argument.contains("\"")) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (String part : topLevel(argument, "+")) {
            String piece = part.strip();
            if (piece.startsWith("\"") && endOfString(piece, 0) == piece.length() - 1) {
                text.append(piece, 1, piece.length() - 1);
            } else if (text.length() < 2 || !text.substring(text.length() - 2).equals("{}")) {
                text.append("{}");
            }
        }
        texts.add(text.toString().replace("\\\"", "\"").replace("\\n", "\n"));
    }

    /** The argument split at those of {@code separators} outside strings and brackets. */
    private static List<String> topLevel(String argument, String separators) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '"') {
                int end = endOfString(argument, i);
                current.append(argument, i, end + 1);
                i = end;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
            if (depth == 0 && separators.indexOf(c) >= 0 && !(c == ':' && separators.equals("+"))) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static int endOfString(String text, int quote) {
        for (int i = quote + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i;
            }
        }
        throw new IllegalStateException("an unterminated string");
    }
}
