package dk.fristed.paging;

import dk.fristed.http.ApiRequest;
import dk.fristed.problem.ApiProblem;

import java.util.Optional;

/** The {@code limit} and {@code cursor} query parameters every list route takes. */
public record PageRequest(int limit, Optional<String> cursor) {

    public static PageRequest from(ApiRequest request) {
        int limit = Page.DEFAULT_LIMIT;
        Optional<String> given = request.query("limit");
        if (given.isPresent()) {
            try {
                limit = Integer.parseInt(given.get());
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("limit", "must be a whole number from 1 to " + Page.MAX_LIMIT);
            }
            if (limit < 1 || limit > Page.MAX_LIMIT) {
                throw ApiProblem.badRequest("limit", "must be a whole number from 1 to " + Page.MAX_LIMIT);
            }
        }
        return new PageRequest(limit, request.query("cursor"));
    }
}
