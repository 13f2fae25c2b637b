package kz.aifc.expat.catalog.rest;

import jakarta.annotation.security.PermitAll;
import kz.aifc.expat.defaults.ratelimit.RateLimitPlan;
import kz.aifc.expat.defaults.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kz.aifc.expat.catalog.model.CatalogVersion;
import kz.aifc.expat.catalog.rest.CatalogDtos.PublishRequest;
import kz.aifc.expat.catalog.rest.CatalogDtos.VersionSummary;
import kz.aifc.expat.catalog.rest.CatalogDtos.VersionView;
import kz.aifc.expat.catalog.service.CatalogAdmin;
import kz.aifc.expat.catalog.service.CatalogStore;
import kz.aifc.expat.catalog.service.LoadedVersion;
import kz.aifc.expat.catalog.service.content.Lang;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Catalogue versions: list and read (anonymous); publish (admin). */
@Path("/api/v1/catalog/versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "versions")
public class CatalogVersionResource {

    @Inject
    CatalogStore store;

    @Inject
    CatalogAdmin admin;

    @Inject
    CallerContext caller;

    @Inject
    HttpCaching caching;

    @GET
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "All published versions, oldest first")
    public Response list(@Context HttpHeaders headers) {
        LoadedVersion current = store.select(null, null);
        return caching.respond(headers, Lang.RU, "versions", () -> store.snapshot().versions().stream()
                .map(v -> new VersionSummary(v.version(), v.effectiveFrom(), v.publishedAt(), v.publishedBy(),
                        v.version() == current.version()))
                .toList());
    }

    @GET
    @Path("{version}")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "One version with its whole content (the document an admin edits to publish the next)")
    public Response get(@PathParam("version") String versionText, @Context HttpHeaders headers) {
        Params p = new Params();
        Integer version = p.requiredInteger("version", versionText, 1, Integer.MAX_VALUE);
        p.check();
        LoadedVersion v = store.select(null, version);
        return caching.respond(headers, Lang.RU, "version|" + version,
                () -> new VersionView(v.version(), v.effectiveFrom(), v.publishedAt(), v.publishedBy(),
                        v.content()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a new version (admin): full validation (422 lists every problem), then "
            + "catalog.published")
    public Response publish(PublishRequest request, @Context UriInfo uri) {
        Params p = new Params();
        if (request == null) {
            p.error("body", "is required");
        } else {
            if (request.effectiveFrom() == null) {
                p.error("effectiveFrom", "is required (YYYY-MM-DD)");
            }
            if (request.content() == null) {
                p.error("content", "is required");
            }
        }
        p.check();
        CatalogVersion v = admin.publish(request.effectiveFrom(), request.content(), caller.actorName());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(v.version)).build())
                .entity(new VersionSummary(v.version, v.effectiveFrom, v.publishedAt, v.publishedBy,
                        v.version == store.select(null, null).version()))
                .build();
    }
}
