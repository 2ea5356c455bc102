package dk.fristed.budget.ledger;

import dk.fristed.i18n.Language;
import dk.fristed.i18n.Language.Text;
import dk.fristed.money.Money;
import dk.fristed.records.ledger.Progress;
import dk.fristed.records.ledger.SourceType;
import dk.fristed.validation.Fields;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A year's funding as an SVG a finance volunteer can drop into a newsletter: the need, and beside it
 * what is received and what is promised but not yet received, stacked by source type. Its title and
 * description say the figures in words (for screen readers), in the request's language ({@link Language}); no script, no external font or image.
 * Each bar carries its amount in minor units ({@code data-amount}), so a test reads back exactly what
 * it draws.
 */
public final class FundingChart {
    private static final String[] COLOURS = {
        "#b4232a", "#1f6f8b", "#e0a100", "#5a8f29", "#7d4e9f", "#8c5a2b", "#6b6b6b", "#2a2a2a"
    };
    private static final int WIDTH = 720;
    private static final int BAR_LEFT = 200;
    private static final int BAR_WIDTH = 460;
    private static final int BAR_HEIGHT = 36;

    private FundingChart() {}

    /** The chart's words in the clinics' languages; {@code %s} and {@code %d} as in {@link String#format}. */
    private record Words(
            String title, String description, String need, String received, String promised, String legend) {}

    private static final Map<Language, Words> WORDS = Map.of(
            Language.EN,
            new Words(
                    "Funding %d: %s %% received, %s %% secured",
                    "Need %s. Received %s. Promised, not yet received %s. Gap %s.",
                    "Need",
                    "Received",
                    "Promised, not received",
                    "%s: received %s, promised %s"),
            Language.DA,
            new Words(
                    "Finansiering %d: %s %% modtaget, %s %% sikret",
                    "Behov %s. Modtaget %s. Lovet, endnu ikke modtaget %s. Mangler %s.",
                    "Behov",
                    "Modtaget",
                    "Lovet, ikke modtaget",
                    "%s: modtaget %s, lovet %s"),
            Language.NB,
            new Words(
                    "Finansiering %d: %s %% mottatt, %s %% sikret",
                    "Behov %s. Mottatt %s. Lovet, ennå ikke mottatt %s. Mangler %s.",
                    "Behov",
                    "Mottatt",
                    "Lovet, ikke mottatt",
                    "%s: mottatt %s, lovet %s"));

    private static final Map<SourceType, Text> SOURCE_TYPES = Map.of(
            SourceType.RED_CROSS_BRANCH, new Text("Red Cross branch", "Røde Kors-afdeling", "Røde Kors-avdeling"),
            SourceType.FOUNDATION, new Text("foundation", "fond", "stiftelse"),
            SourceType.PRIVATE_DONOR, new Text("private donor", "privat giver", "privat giver"),
            SourceType.COMPANY, new Text("company", "virksomhed", "bedrift"),
            SourceType.MUNICIPALITY, new Text("municipality", "kommune", "kommune"),
            SourceType.STATE_OR_REGIONAL_GRANT,
                    new Text(
                            "state or regional grant",
                            "statsligt eller regionalt tilskud",
                            "statlig eller regionalt tilskudd"),
            SourceType.OTHER, new Text("other", "andet", "annet"));

    public static String svg(Progress p, Language language) {
        Words words = WORDS.get(language);
        Function<Long, String> amount = minor -> amount(minor, p.currency(), language);
        long scale = Math.max(1, Math.max(p.need(), p.received() + p.outstandingPledges()));
        String title = String.format(
                Locale.ROOT,
                words.title(),
                p.year(),
                language.decimal(p.percentFunded()),
                language.decimal(p.percentSecured()));
        String description = String.format(
                Locale.ROOT,
                words.description(),
                amount.apply(p.need()),
                amount.apply(p.received()),
                amount.apply(p.outstandingPledges()),
                amount.apply(p.gap()));
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(260 + 22 * p.bySourceType().size())
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(260 + 22 * p.bySourceType().size())
                .append("\" role=\"img\" aria-labelledby=\"title desc\" ")
                .append("font-family=\"sans-serif\" font-size=\"13\">\n")
                .append("  <title id=\"title\">")
                .append(escaped(title))
                .append("</title>\n")
                .append("  <desc id=\"desc\">")
                .append(escaped(description))
                .append("</desc>\n")
                .append("  <text x=\"20\" y=\"28\" font-size=\"16\" font-weight=\"bold\">")
                .append(escaped(title))
                .append("</text>\n");
        bar(svg, 60, words.need(), List.of(new Segment("need", "need", p.need())), scale, amount);
        bar(
                svg,
                110,
                words.received(),
                p.bySourceType().stream()
                        .map(t -> new Segment("received", t.type(), t.received()))
                        .toList(),
                scale,
                amount);
        bar(
                svg,
                160,
                words.promised(),
                p.bySourceType().stream()
                        .map(t -> new Segment("outstanding", t.type(), t.outstandingPledges()))
                        .toList(),
                scale,
                amount);
        int y = 230;
        for (int i = 0; i < p.bySourceType().size(); i++) {
            var type = p.bySourceType().get(i);
            svg.append("  <rect x=\"20\" y=\"")
                    .append(y - 11)
                    .append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS[i % COLOURS.length])
                    .append("\"/>\n")
                    .append("  <text x=\"40\" y=\"")
                    .append(y)
                    .append("\">")
                    .append(escaped(String.format(
                            Locale.ROOT,
                            words.legend(),
                            typeName(type.type(), language),
                            amount.apply(type.received()),
                            amount.apply(type.outstandingPledges()))))
                    .append("</text>\n");
            y += 22;
        }
        return svg.append("</svg>\n").toString();
    }

    private record Segment(String series, String type, long amount) {}

    private static void bar(
            StringBuilder svg, int y, String label, List<Segment> segments, long scale, Function<Long, String> amount) {
        svg.append("  <text x=\"20\" y=\"")
                .append(y + 23)
                .append("\">")
                .append(escaped(label))
                .append("</text>\n");
        double x = BAR_LEFT;
        long total = 0;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            total += s.amount();
            double width = (double) s.amount() * BAR_WIDTH / scale;
            String colour = s.series().equals("need") ? "#cccccc" : COLOURS[i % COLOURS.length];
            svg.append("  <rect x=\"")
                    .append(format(x))
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(format(width))
                    .append("\" height=\"")
                    .append(BAR_HEIGHT)
                    .append("\" fill=\"")
                    .append(colour)
                    .append("\" data-series=\"")
                    .append(s.series())
                    .append("\" data-type=\"")
                    .append(escaped(s.type()))
                    .append("\" data-amount=\"")
                    .append(s.amount())
                    .append("\"/>\n");
            x += width;
        }
        svg.append("  <text x=\"")
                .append(format(Math.min(x + 6, WIDTH - 150)))
                .append("\" y=\"")
                .append(y + 23)
                .append("\">")
                .append(escaped(amount.apply(total)))
                .append("</text>\n");
    }

    /** {@code 3,380,375.00 DKK}; in Danish {@code 3.380.375,00 DKK}, in Norwegian {@code 3 380 375,00 DKK}. */
    private static String amount(long minor, String currency, Language language) {
        return language.grouped(new Money(minor, currency).decimal()) + " " + currency;
    }

    /** A source type as people write it ({@code red_cross_branch} on the wire). */
    private static String typeName(String wireName, Language language) {
        return Arrays.stream(SourceType.values())
                .filter(t -> Fields.wireName(t).equals(wireName))
                .findFirst()
                .map(t -> SOURCE_TYPES.get(t).in(language))
                .orElse(wireName.replace('_', ' '));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
