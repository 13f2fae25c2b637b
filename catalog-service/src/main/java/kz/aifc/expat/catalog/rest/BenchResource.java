package kz.aifc.expat.catalog.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.catalog.service.CatalogStore;
import kz.aifc.expat.catalog.service.LoadedVersion;
import kz.aifc.expat.catalog.service.content.Lang;
import kz.aifc.expat.defaults.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Baseline for bench/: "bare" endpoints that return a constant byte array of the same size as the real responses,
 * with no lookup, no language, no ETag. Off (404) unless {@code CATALOG_BENCH=true}.
 */
@Path("/bench/bare")
@Produces(MediaType.APPLICATION_JSON)
public class BenchResource {

    @ConfigProperty(name = "catalog.bench.bare-endpoints", defaultValue = "false")
    boolean enabled;

    @Inject
    CatalogStore store;

    @Inject
    CatalogViews views;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    private volatile byte[] list;
    private volatile byte[] service;

    @GET
    @Path("list")
    @PermitAll
    @Operation(hidden = true)
    public Response list() throws Exception {
        check();
        byte[] bytes = list;
        if (bytes == null) {
            LoadedVersion v = store.select(null, null);
            bytes = mapper.writeValueAsBytes(v.services().values().stream()
                    .map(s -> views.summary(v, s, Lang.RU)).toList());
            list = bytes;
        }
        return Response.ok(bytes).build();
    }

    @GET
    @Path("service")
    @PermitAll
    @Operation(hidden = true)
    public Response service() throws Exception {
        check();
        byte[] bytes = service;
        if (bytes == null) {
            LoadedVersion v = store.select(null, null);
            bytes = mapper.writeValueAsBytes(views.service(v, v.services().get("work-visa-issuance"), Lang.RU,
                    CatalogViews.feeDate(v, null)));
            service = bytes;
        }
        return Response.ok(bytes).build();
    }

    private void check() {
        if (!enabled) {
            throw new ProblemException(404, "not-found", "Not found", "No resource at this address");
        }
    }
}
