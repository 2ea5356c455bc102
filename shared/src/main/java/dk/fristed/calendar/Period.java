package dk.fristed.calendar;

import dk.fristed.http.ApiProblem;
import dk.fristed.http.ApiRequest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A period of whole days, {@code from} to {@code to} inclusive, as list and count routes take it. */
public record Period(LocalDate from, LocalDate to) {
    /** A list route reads at most a year (a leap year's worth of days) in one period. */
    public static final int MAX_DAYS = 366;

    /** From the query parameters {@code from} and {@code to}; each problem names its parameter. */
    public static Period fromQuery(ApiRequest request) {
        LocalDate from = date(request, "from");
        LocalDate to = date(request, "to");
        if (to.isBefore(from)) {
            throw ApiProblem.badRequest("to", "must not be before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiProblem.badRequest("to", "the period may be at most " + MAX_DAYS + " days");
        }
        return new Period(from, to);
    }

    private static LocalDate date(ApiRequest request, String name) {
        return date(request.requireQuery(name), name);
    }

    /** An ISO date a client sent in a query or path; the problem names {@code field}. */
    public static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field, "must be a date like 2025-03-31");
        }
    }
}
