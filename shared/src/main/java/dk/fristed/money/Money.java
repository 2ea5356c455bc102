package dk.fristed.money;

import dk.fristed.problem.ApiProblem;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount in integer minor units (øre, cents) of one ISO 4217 currency. Arithmetic never mixes
 * currencies and never overflows silently; nothing here is ever a floating-point number.
 */
public record Money(long minor, String currency) {
    /**
     * The largest amount one request may carry: 10^13 minor units (100 billion kroner). Far above any
     * invoice or gift, and low enough that sums of a million of them never overflow a long.
     */
    public static final long MAX_MINOR = 10_000_000_000_000L;

    public Money {
        fractionDigits(currency); // a currency without minor units (XAU, XXX) is no money here
    }

    /** A currency code as clients send it (DKK, NOK, EUR, SEK, ...); 400 naming the field otherwise. */
    public static String currency(String code, String field) {
        if (code == null) {
            throw ApiProblem.badRequest(field, "is required");
        }
        // exactly as ISO 4217 writes it: "NOK " or "nok" is refused, not tidied, so a value round-trips unchanged
        try {
            if (code.matches("[A-Z]{3}") && Currency.getInstance(code).getDefaultFractionDigits() >= 0) {
                return code;
            }
        } catch (IllegalArgumentException unknown) {
            // answered below
        }
        throw ApiProblem.badRequest(field, "must be an ISO 4217 currency code such as DKK, NOK or EUR");
    }

    /** A positive whole number of minor units, at most {@link #MAX_MINOR}; 400 naming the field otherwise. */
    public static long positive(Long minor, String field) {
        if (minor == null) {
            throw ApiProblem.badRequest(field, "is required");
        }
        if (minor <= 0 || minor > MAX_MINOR) {
            throw ApiProblem.badRequest(
                    field, "must be a positive whole number of minor units (øre, cents), at most " + MAX_MINOR);
        }
        return minor;
    }

    public static int fractionDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("a currency without minor units: " + currency);
        }
        return digits;
    }

    public Money plus(long moreMinor) {
        return new Money(Math.addExact(minor, moreMinor), currency);
    }

    public Money plus(Money other) {
        return plus(sameCurrency(other).minor);
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(minor, sameCurrency(other).minor), currency);
    }

    /** The amount as a decimal in major units, exactly: 131245000 NOK is {@code 1312450.00}. */
    public String decimal() {
        return BigDecimal.valueOf(minor, fractionDigits(currency)).toPlainString();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "amounts in " + currency + " and " + other.currency + " are never added together");
        }
        return other;
    }
}
