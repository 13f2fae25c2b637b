package kz.aifc.expat.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
@Tag(name = "versions", description = "Published versions of the service catalogue (the 2026 guide)")
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
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogDtos.VersionSummary.class)))
    public Response listCatalogVersions(@Context HttpHeaders headers) {
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
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CatalogDtos.VersionView.class)))
    public Response getCatalogVersion(@PathParam("version") String versionText, @Context HttpHeaders headers) {
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
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CatalogDtos.VersionSummary.class)))
    public Response publishCatalogVersion(PublishRequest request, @Context UriInfo uri) {
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
