package dk.fristed.audit;

import dk.fristed.http.ApiRequest;

/**
 * Who made a change, as the audit trail records it: a plain value the routes hand to a repository, which
 * writes the entry in the change's own transaction. A user through a route, or a function acting on its
 * own (the daily follow-up, erasure reaching another function's tables).
 */
public record Actor(String subject, String roles, String route) {

    /** The caller of a request, through its route. */
    public static Actor of(ApiRequest request) {
        return new Actor(request.caller().subject(), request.caller().groupNames(), request.routeKey());
    }

    /** A function acting on its own: the subject names it ({@code system:referral-follow-up}), the route says what it did. */
    public static Actor system(String function, String what) {
        return new Actor("system:" + function, "system", what);
    }
}
