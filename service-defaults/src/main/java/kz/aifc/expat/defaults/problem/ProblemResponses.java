package kz.aifc.expat.defaults.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Builds problem+json responses; the single place that knows the wire format. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ProblemException e, String instance) {
        Response.ResponseBuilder builder = Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(e.kind(), e.title(), e.status(), e.getMessage(), instance, e.errors(),
                        e.extensions()));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    public static Response of(int status, String kind, String title, String detail, String instance,
                              List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(kind, title, status, detail, instance, errors, Map.of()))
                .build();
    }
}
