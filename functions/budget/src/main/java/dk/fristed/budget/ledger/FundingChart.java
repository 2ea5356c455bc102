package dk.fristed.budget.ledger;

import dk.fristed.money.Money;
import dk.fristed.records.ledger.Progress;

import java.util.List;
import java.util.Locale;

/**
 * A year's funding as an SVG a finance volunteer can drop into a newsletter: the need, and beside it
 * what is received and what is promised but not yet received, stacked by source type. Its title and
 * description say the figures in words (for screen readers); no script, no external font or image.
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

    public static String svg(Progress p) {
        long scale = Math.max(1, Math.max(p.need(), p.received() + p.outstandingPledges()));
        String title =
                "Funding " + p.year() + ": " + p.percentFunded() + " % received, " + p.percentSecured() + " % secured";
        String description =
                "Need " + amount(p.need(), p.currency()) + ". Received " + amount(p.received(), p.currency())
                        + ". Promised, not yet received " + amount(p.outstandingPledges(), p.currency()) + ". Gap "
                        + amount(p.gap(), p.currency()) + ".";
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
        bar(svg, 60, "Need", List.of(new Segment("need", "need", p.need())), scale, p.currency());
        bar(
                svg,
                110,
                "Received",
                p.bySourceType().stream()
                        .map(t -> new Segment("received", t.type(), t.received()))
                        .toList(),
                scale,
                p.currency());
        bar(
                svg,
                160,
                "Promised, not received",
                p.bySourceType().stream()
                        .map(t -> new Segment("outstanding", t.type(), t.outstandingPledges()))
                        .toList(),
                scale,
                p.currency());
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
                    .append(escaped(type.type().replace('_', ' ')))
                    .append(": received ")
                    .append(amount(type.received(), p.currency()))
                    .append(", promised ")
                    .append(amount(type.outstandingPledges(), p.currency()))
                    .append("</text>\n");
            y += 22;
        }
        return svg.append("</svg>\n").toString();
    }

    private record Segment(String series, String type, long amount) {}

    private static void bar(
            StringBuilder svg, int y, String label, List<Segment> segments, long scale, String currency) {
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
                .append(amount(total, currency))
                .append("</text>\n");
    }

    private static String amount(long minor, String currency) {
        return new Money(minor, currency).decimal() + " " + currency;
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
