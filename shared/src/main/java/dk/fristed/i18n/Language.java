package dk.fristed.i18n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the clinics work in: Danish, Norwegian (bokmål) and English. A file made for people
 * (an export, the funding chart) takes the request's {@code locale=da|nb|en}, else the first of these
 * its {@code Accept-Language} prefers, else English ({@code ApiRequest.language()}); a problem follows
 * {@code Accept-Language}. The language also chooses the spreadsheet conventions, since Danish and
 * Norwegian Excel read {@code ;} between cells and {@code 1234,50}.
 */
public enum Language {
    EN(',', '.', ','),
    DA(';', ',', '.'),
    NB(';', ',', '\u00A0');

    public static final String PARAMETER = "locale";

    private final char separator;
    private final char decimalMark;
    private final char groupMark;

    Language(char separator, char decimalMark, char groupMark) {
        this.separator = separator;
        this.decimalMark = decimalMark;
        this.groupMark = groupMark;
    }

    /** A language by its code exactly ({@code da}, {@code nb}, {@code en}), as {@code locale=} takes it. */
    public static Optional<Language> ofCode(String code) {
        return tag(code).filter(language -> language.code().equals(code));
    }

    /** The first language of an {@code Accept-Language} list (RFC 9110, weights honoured) that is one of ours. */
    public static Language preferred(String acceptLanguage) {
        record Wanted(String tag, double weight, int order) {}
        List<Wanted> wanted = new ArrayList<>();
        String[] ranges = acceptLanguage.split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].strip().split(";");
            double weight = 1;
            for (int p = 1; p < parts.length; p++) {
                String parameter = parts[p].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0; // a malformed weight is not a preference
                    }
                }
            }
            if (weight > 0) {
                wanted.add(new Wanted(parts[0].strip(), weight, i));
            }
        }
        return wanted.stream()
                .sorted(Comparator.comparingDouble(Wanted::weight).reversed().thenComparingInt(Wanted::order))
                .map(w -> tag(w.tag()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(EN);
    }

    /** {@code da}, {@code da-DK}; Norwegian as {@code nb}, {@code no} or {@code nn} (the clinic writes bokmål); {@code en-GB}. */
    private static Optional<Language> tag(String tag) {
        String primary = tag.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return switch (primary) {
            case "da" -> Optional.of(DA);
            case "nb", "no", "nn" -> Optional.of(NB);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What separates a spreadsheet's cells in this language's CSV. */
    public char separator() {
        return separator;
    }

    /** A decimal as this language writes it in a cell: {@code -1234.50} becomes {@code -1234,50} (no grouping). */
    public String decimal(String plain) {
        return plain.replace('.', decimalMark);
    }

    /** A decimal for reading: {@code 3380375.00} becomes {@code 3,380,375.00}, {@code 3.380.375,00}, {@code 3 380 375,00}. */
    public String grouped(String plain) {
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(groupMark);
            }
            out.append(whole.charAt(i));
        }
        if (point >= 0) {
            out.append(decimalMark).append(digits.substring(point + 1));
        }
        return (negative ? "-" : "") + out;
    }

    /** A text in three languages, e.g. a column's header. */
    public record Text(String en, String da, String nb) {
        public String in(Language language) {
            return switch (language) {
                case EN -> en;
                case DA -> da;
                case NB -> nb;
            };
        }
    }
}
