package dk.fristed.http;

import dk.fristed.problem.ApiProblem;

/**
 * Optimistic concurrency on the wire: a record's version travels as a strong ETag ({@code "3"}),
 * and updates must send it back in If-Match; a stale one is answered with 412.
 */
public final class ETags {
    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version in If-Match; 428 when it is missing, 400 when it is not one of our ETags. */
    public static long requireIfMatch(ApiRequest request) {
        String given = request.header("If-Match")
                .orElseThrow(ApiProblem::preconditionRequired)
                .strip();
        if (given.length() < 3 || !given.startsWith("\"") || !given.endsWith("\"")) {
            throw ApiProblem.badRequest("If-Match", "must be the ETag of the record, e.g. \"3\"");
        }
        try {
            return Long.parseLong(given.substring(1, given.length() - 1));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("If-Match", "must be the ETag of the record, e.g. \"3\"");
        }
    }
}
