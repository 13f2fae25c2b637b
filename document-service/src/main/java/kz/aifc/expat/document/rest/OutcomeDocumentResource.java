package kz.aifc.expat.document.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.document.model.OutcomeDocument;
import kz.aifc.expat.document.service.OutcomeDocuments;
import kz.aifc.expat.document.storage.FileReceiver;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * The documents a case produced: uploaded by officers, listed for the company (downloads:
 * {@link OutcomeContentResource}). Its own class under the application path: JAX-RS picks the resource class by the
 * most specific class-level path, so these routes cannot live under a shorter prefix next to ChecklistResource.
 */
@Path("/api/v1/applications/{applicationId}/outcome-documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "outcome documents", description = "The issued visa or permit, returned to the company")
public class OutcomeDocumentResource {

    @Inject
    OutcomeDocuments outcomes;

    @Inject
    CallerContext caller;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Upload the issued document of a case (multipart/form-data, part 'file'; PDF/JPEG/PNG by "
            + "content; same size limit as uploads); publishes document.outcome-uploaded, after which the case can be "
            + "completed (roles: officer, admin)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.OutcomeDocumentView.class)))
    public Response uploadOutcomeDocument(@PathParam("applicationId") UUID applicationId,
                           @HeaderParam("Content-Type") String contentType,
                           @HeaderParam("Content-Length") Long contentLength,
                           InputStream body, @Context UriInfo uri) {
        OutcomeDocument d = outcomes.upload(applicationId,
                new FileReceiver.Body(contentType, contentLength == null ? -1 : contentLength, body),
                caller.actorName());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/outcome-documents/{id}/content").build(d.id))
                .entity(Views.outcome(d)).build();
    }

    @GET
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "The issued documents of a case (roles: company-hr own company, officer, admin)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = Views.OutcomeDocumentView.class)))
    public Response listOutcomeDocuments(@PathParam("applicationId") UUID applicationId) {
        List<Views.OutcomeDocumentView> items = outcomes.list(applicationId).stream().map(Views::outcome).toList();
        return Response.ok(items).header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
