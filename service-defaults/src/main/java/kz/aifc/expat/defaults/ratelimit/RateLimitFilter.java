package kz.aifc.expat.defaults.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import kz.aifc.expat.defaults.security.CallerContext;

import java.lang.reflect.AnnotatedElement;

/**
 * Applies {@link RateLimited}: each request of the endpoint takes one from its client's budget, or is answered 429
 * problem+json with Retry-After. The client is the caller's company for company users, the token subject for staff
 * and partner systems, and the client address for anonymous callers. Runs after authentication (the identity is
 * known) and, for blocking endpoints, on the worker thread (the bucket lives in PostgreSQL).
 */
@Provider
@RateLimited(RateLimitPlan.PUBLIC_READ) // binds this filter to every @RateLimited endpoint; the plan is read per method
@Priority(Priorities.AUTHORIZATION + 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Inject
    RateLimiter limiter;

    @Inject
    CallerContext caller;

    @Context
    ResourceInfo resource;

    @Context
    HttpServerRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        String address = ClientAddress.of(http);
        if (limiter.isExempt(address)) {
            return;
        }
        RateLimiter.Decision decision = limiter.takeOrRefuse(plan(), client(address));
        request.setProperty(DECISION, decision);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision && decision.counted()) {
            RateLimitHeaders.of(decision).forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }

    private String client(String address) {
        if (caller.isAnonymous()) {
            return "address:" + address;
        }
        return caller.companyBin().map(bin -> "company:" + bin).orElseGet(() -> "subject:" + caller.subject());
    }

    private RateLimitPlan plan() {
        RateLimited onMethod = annotation(resource.getResourceMethod());
        return (onMethod != null ? onMethod : annotation(resource.getResourceClass())).value();
    }

    private static RateLimited annotation(AnnotatedElement element) {
        return element == null ? null : element.getAnnotation(RateLimited.class);
    }
}
