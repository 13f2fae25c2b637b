package kz.aifc.expat.defaults.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one exception domain code throws for a client-visible error. The mappers turn it into problem+json;
 * {@code kind} becomes the last segment of the problem {@code type} URI.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, List.of());
    }

    public ProblemException(int status, String kind, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = errors;
    }

    /** Adds an extension member (e.g. {@code currentState}, {@code allowedActions}, {@code rule}). */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", what + " not found", what + " '" + id + "' does not exist");
    }

    public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "invalid-request", "The request is invalid", detail, errors);
    }

    public static ProblemException badRequest(String field, String message) {
        return badRequest(message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Not allowed", detail);
    }

    public static ProblemException conflict(String kind, String title, String detail) {
        return new ProblemException(409, kind, title, detail);
    }

    /** A business rule refused the request: {@code rule} names it so clients can show the right message. */
    public static ProblemException ruleViolated(String rule, String detail) {
        return new ProblemException(422, "rule-violated/" + rule, "Business rule violated: " + rule, detail)
                .with("rule", rule);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "service-unavailable", "A dependency is unavailable, try again shortly",
                detail).header("Retry-After", "5");
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
