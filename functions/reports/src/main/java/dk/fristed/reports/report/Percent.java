package dk.fristed.reports.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares as the reports print them: a percentage with one decimal, rounded half up; null of nothing. */
final class Percent {
    static final String ROUNDING = "half-up to 1 decimal";

    private Percent() {}

    static String of(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** A quotient such as patients per open day, one decimal, half up; null when divided by zero. */
    static String ratio(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
