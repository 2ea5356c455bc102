package dk.fristed.problem;

/**
 * An error the client can act on, answered as RFC 9457 {@code application/problem+json}. Messages
 * never contain personal data: they name the field and the rule, never the value that broke it.
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final String field;
    private final String mergedInto;

    public ApiProblem(int status, String title, String detail, String field) {
        this(status, title, detail, field, null);
    }

    private ApiProblem(int status, String title, String detail, String field, String mergedInto) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.field = field;
        this.mergedInto = mergedInto;
    }

    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(400, "Invalid request", detail, field);
    }

    public static ApiProblem unauthorized() {
        return new ApiProblem(401, "Unauthorized", "a valid bearer token is required", null);
    }

    public static ApiProblem forbidden() {
        return new ApiProblem(403, "Forbidden", "your role may not use this route", null);
    }

    public static ApiProblem notFound(String field, String detail) {
        return new ApiProblem(404, "Not found", detail, field);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, null);
    }

    public static ApiProblem gone(String field, String detail) {
        return new ApiProblem(410, "Gone", detail, field);
    }

    /**
     * A help number whose record was merged into another: the answer names the survivor's help number
     * (a patient may still carry the old card), never anything else of the patient.
     */
    public static ApiProblem merged(String field, String survivorHelpNumber) {
        return new ApiProblem(
                410,
                "Merged",
                "was merged into another patient's record; use the help number in mergedInto",
                field,
                survivorHelpNumber);
    }

    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(412, "Precondition failed", "does not match: " + detail, "If-Match");
    }

    public static ApiProblem payloadTooLarge(int limitBytes) {
        return new ApiProblem(413, "Payload too large", "the body may be at most " + limitBytes + " bytes", null);
    }

    public static ApiProblem unsupportedMediaType() {
        return new ApiProblem(415, "Unsupported media type", "must be application/json", "Content-Type");
    }

    public static ApiProblem unprocessable(String field, String detail) {
        return new ApiProblem(422, "Unprocessable request", detail, field);
    }

    public static ApiProblem preconditionRequired() {
        return new ApiProblem(
                428,
                "Precondition required",
                "is required: send the ETag you read, so that a change made meanwhile is not overwritten",
                "If-Match");
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The request field (JSON pointer-ish name, query parameter or header) that is wrong, or null. */
    public String field() {
        return field;
    }

    /** For {@link #merged}: the surviving record's help number, formatted; otherwise null. */
    public String mergedInto() {
        return mergedInto;
    }
}
