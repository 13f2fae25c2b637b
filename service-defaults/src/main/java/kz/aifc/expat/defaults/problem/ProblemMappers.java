package kz.aifc.expat.defaults.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.ratelimit.ClientAddress;
import kz.aifc.expat.defaults.ratelimit.RateLimiter;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure that reaches the REST layer into problem+json. Bad input is always a 4xx; a dependency that
 * is down is a 503 with Retry-After; anything else is a 500 that carries an incident id but never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e, path(uri));
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return ProblemResponses.of(400, "invalid-request", "The request is invalid",
                errors.size() + " field(s) failed validation", path(uri), errors);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = null;
        String detail = "The request body is not valid JSON for this operation";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (e instanceof UnrecognizedPropertyException) {
                detail = "Unknown field '" + field + "'";
            } else if (e instanceof InvalidFormatException invalid) {
                detail = "Field '" + field + "' has a value of the wrong type or format";
                if (invalid.getTargetType() == String.class) { // only StrictJson refuses a string
                    detail = "Field '" + field + "' is not well-formed text (an unpaired UTF-16 surrogate)";
                }
                if (invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
                    detail = "Field '" + field + "' must be one of "
                            + List.of(invalid.getTargetType().getEnumConstants());
                }
            } else {
                detail = "Field '" + field + "' cannot be read";
            }
        }
        return ProblemResponses.of(400, "malformed-body", "The request body cannot be read", detail, path(uri),
                field == null ? List.of() : List.of(new Problem.FieldError(field, detail)));
    }

    /** Quarkus ships its own (empty-bodied) mapper for this subclass; ours must be at least as specific. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @Inject
    RateLimiter rateLimiter;

    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpServerRequest http) {
        return unauthorized(uri, http);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpServerRequest http) {
        return unauthorized(uri, http);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(403, "forbidden", "Not allowed",
                "Your role does not permit this operation", path(uri), List.of());
    }

    @ServerExceptionMapper(priority = 1)
    public Response staleVersion(OptimisticLockException e, UriInfo uri) {
        return ProblemResponses.of(409, "concurrent-modification", "The resource was changed concurrently",
                "Reload the resource and try again", path(uri), List.of());
    }

    @ServerExceptionMapper(priority = 1)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a path/query parameter cannot be converted (e.g. ?date=2026-99-01)
            return ProblemResponses.of(400, "invalid-parameter", "A parameter is invalid",
                    "A path or query parameter has a value of the wrong type or format: "
                            + rootMessage(e.getCause()), path(uri), List.of());
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String kind = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            default -> "invalid-request";
        };
        String detail = switch (status) {
            case 404 -> "No resource at this address";
            case 405 -> "This method is not supported here";
            case 415 -> "This content type is not accepted here";
            default -> type.getReasonPhrase();
        };
        Response response = ProblemResponses.of(status, kind, type.getReasonPhrase(), detail, path(uri), List.of());
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }

    @ServerExceptionMapper(priority = 10)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isDependencyDown(e)) {
            LOG.warnf("dependency unavailable on %s: %s", path(uri), e.toString());
            return Response.fromResponse(ProblemResponses.of(503, "service-unavailable",
                    "A dependency is unavailable, try again shortly", "The service cannot reach a store it needs",
                    path(uri), List.of())).header("Retry-After", "5").build();
        }
        if (isTransactionConflict(e)) {
            // SQL class 40 (deadlock, serialization failure): two requests raced for the same rows and this one lost;
            // nothing was stored, and the same request may simply be sent again
            return Response.fromResponse(ProblemResponses.of(409, "concurrent-update", "Concurrent update",
                    "Another request changed the same data at the same moment; nothing was stored, try again",
                    path(uri), List.of())).header("Retry-After", "1").build();
        }
        if (isRejectedValue(e)) {
            // SQL class 22 "data exception": a value from the request (e.g. a NUL character, an out-of-range number)
            // that the database refuses to store or compare — the client's input, not a server fault
            return ProblemResponses.of(400, "invalid-value", "A value in the request is not acceptable",
                    "A value in the request cannot be processed (control characters or out-of-range values)",
                    path(uri), List.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s on %s", incident, path(uri));
        return Response.fromResponse(ProblemResponses.of(500, "internal-error", "Internal error",
                "The request failed unexpectedly; quote incident " + incident, path(uri), List.of())).build();
    }

    /** True when the failure is a store or broker being unreachable, which the client may retry. */
    public static boolean isDependencyDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                    || t instanceof CircuitBreakerOpenException || t instanceof TimeoutException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof jakarta.ws.rs.ProcessingException
                    || (t instanceof java.sql.SQLException sql && isUnavailableState(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * SQL states of a database that is unreachable or restarting rather than refusing the statement: class 08
     * (connection exception), 57P01-57P03 (administrator/crash shutdown, "the database system is starting up") and
     * class 53 (insufficient resources, e.g. too many connections while it comes back).
     */
    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"));
    }

    static boolean isTransactionConflict(Throwable e) {
        return hasSqlState(e, "40");
    }

    private static boolean hasSqlState(Throwable e, String prefix) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRejectedValue(Throwable e) {
        return hasSqlState(e, "22");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    /** A 401, or a 429 once this address has been answered 401 too often (probing, credential guessing). */
    private Response unauthorized(UriInfo uri, HttpServerRequest http) {
        Optional<ProblemException> refused = rateLimiter.refuseUnauthenticated(ClientAddress.of(http));
        if (refused.isPresent()) {
            return ProblemResponses.of(refused.get(), path(uri));
        }
        return Response.fromResponse(ProblemResponses.of(401, "unauthorized", "Authentication required",
                        "A valid bearer token is required", path(uri), List.of()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "create.arg0.person.name" -> "person.name": drop the method and parameter segments
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
