package kz.aifc.expat.defaults.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.problem.ProblemResponses;
import kz.aifc.expat.defaults.ratelimit.ClientAddress;
import kz.aifc.expat.defaults.ratelimit.RateLimiter;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bearer credential that is not even shaped like a JWT (three base64url parts, the first two non-empty) is
 * answered 401 problem+json before it reaches the OIDC extension, whose parser fails on `.`, `..` or `...` with an
 * unchecked exception (a 500 with a stack trace). Every service accepts only Keycloak JWTs, so nothing valid is lost.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class MalformedBearerFilter implements ContainerRequestFilter {

    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    @Inject
    RateLimiter rateLimiter;

    @Context
    HttpServerRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> headers = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (headers == null || headers.isEmpty()) {
            return;
        }
        String value = headers.get(0).trim();
        if (value.regionMatches(true, 0, "Bearer", 0, 6)) {
            String token = value.substring(6).trim();
            if (!JWT_SHAPE.matcher(token).matches()) {
                Optional<ProblemException> refused = rateLimiter.refuseUnauthenticated(ClientAddress.of(http));
                if (refused.isPresent()) {
                    request.abortWith(ProblemResponses.of(refused.get(), request.getUriInfo().getPath()));
                    return;
                }
                request.abortWith(Response.fromResponse(ProblemResponses.of(401, "unauthorized",
                                "Authentication required", "The bearer token is not a JWT",
                                request.getUriInfo().getPath(), List.of()))
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build());
            }
        }
    }
}
