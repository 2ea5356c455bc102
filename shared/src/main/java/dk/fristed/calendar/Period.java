package dk.fristed.calendar;

import dk.fristed.problem.ApiProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A period of whole days, {@code from} to {@code to} inclusive, as list and count routes take it. */
public record Period(LocalDate from, LocalDate to) {
    /** A list route reads at most a year (a leap year's worth of days) in one period. */
    public static final int MAX_DAYS = 366;
    /** Every date a client sends, in a query, a path or a body, lies in these years: no record is older or later. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    /**
     * A year as a client writes it in a path or a body: four digits, from {@link #EARLIEST}'s year to
     * {@code latest} (the routes about what happened stop at this year, the budget plans to 2099).
     */
    public static int year(String given, String field, int latest) {
        if (given == null
                || !given.matches("[0-9]{4}")
                || Integer.parseInt(given) < EARLIEST.getYear()
                || Integer.parseInt(given) > latest) {
            throw ApiProblem.badRequest(field, "must be a year from " + EARLIEST.getYear() + " to " + latest);
        }
        return Integer.parseInt(given);
    }

    /** From the query parameters {@code from} and {@code to} as sent ({@code ApiRequest.period()}); each problem names its parameter. */
    public static Period of(String fromQuery, String toQuery) {
        LocalDate from = date(fromQuery, "from");
        LocalDate to = date(toQuery, "to");
        if (to.isBefore(from)) {
            throw ApiProblem.badRequest("to", "must not be before from");
        }
        // from and to both count: from + 365 days is the 366th day
        if (from.plusDays(MAX_DAYS - 1).isBefore(to)) {
            throw ApiProblem.badRequest("to", "the period may be at most " + MAX_DAYS + " days");
        }
        return new Period(from, to);
    }

    /** An ISO date a client sent in a query or path; the problem names {@code field}. */
    public static LocalDate date(String value, String field) {
        return parse(value)
                .orElseThrow(() -> ApiProblem.badRequest(
                        field, "must be a date like 2025-03-31, from " + EARLIEST + " to " + LATEST));
    }

    /** A date as the API takes it: {@code yyyy-mm-dd} (no sign, no year beyond four digits), from EARLIEST to LATEST. */
    public static Optional<LocalDate> parse(String value) {
        if (value == null || value.length() != 10) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return date.isBefore(EARLIEST) || date.isAfter(LATEST) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
