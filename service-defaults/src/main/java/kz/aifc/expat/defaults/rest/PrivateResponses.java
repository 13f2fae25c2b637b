package kz.aifc.expat.defaults.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers to authenticated requests carry personal or company data (persons, applications, invoices, appointments,
 * document lists): no shared or browser cache may keep them, and no browser may sniff their type. Anonymous answers
 * (the catalog, quotes) keep their own caching headers. Security finding #14.10.
 */
@Provider
public class PrivateResponses implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
