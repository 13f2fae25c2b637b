package kz.aifc.expat.document.rest;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import kz.aifc.expat.defaults.ratelimit.RateLimitPlan;
import kz.aifc.expat.defaults.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.document.service.DocumentQueries;
import kz.aifc.expat.document.service.ReviewService;
import kz.aifc.expat.document.service.UploadService;
import kz.aifc.expat.document.storage.FileReceiver;
import kz.aifc.expat.document.model.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/** The checklist of an application: companies see and fill it, officers review it. */
@Tag(name = "checklist", description = "An application's document checklist, uploads and review rounds")
@Path("/api/v1/applications/{applicationId}")
@Produces(MediaType.APPLICATION_JSON)
public class ChecklistResource {

    @Inject
    DocumentQueries queries;

    @Inject
    UploadService uploads;

    @Inject
    ReviewService reviews;

    @Inject
    CallerContext caller;

    @GET
    @Path("/checklist")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Checklist with the current document of each requirement (roles: company-hr own company, "
            + "officer, admin)")
    public Views.ChecklistView getChecklist(@PathParam("applicationId") UUID applicationId) {
        return Views.checklist(queries.checklist(applicationId));
    }

    @GET
    @Path("/documents")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Every uploaded version of every requirement (roles: company-hr own company, officer, admin)")
    public List<Views.DocumentView> listDocuments(@PathParam("applicationId") UUID applicationId) {
        return Views.documents(queries.checklist(applicationId));
    }

    @GET
    @Path("/requirements/{requirementId}/documents")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Version history of one requirement (roles: company-hr own company, officer, admin)")
    public List<Views.DocumentView> listDocumentVersions(@PathParam("applicationId") UUID applicationId,
                                             @PathParam("requirementId") UUID requirementId) {
        List<Document> versions = queries.versions(applicationId, requirementId);
        DocumentQueries.Snapshot snapshot = queries.checklist(applicationId);
        return Views.documents(new DocumentQueries.Snapshot(snapshot.checklist(), snapshot.requirements(), versions));
    }

    @POST
    @Path("/requirements/{requirementId}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.COMPANY_HR)
    @RateLimited(RateLimitPlan.UPLOAD)
    @Operation(summary = "Upload a file (multipart/form-data, part 'file') for a requirement; a re-upload adds a "
            + "version (roles: company-hr own company)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.DocumentView.class)))
    public Response uploadDocument(@PathParam("applicationId") UUID applicationId,
                           @PathParam("requirementId") UUID requirementId,
                           @HeaderParam("Content-Type") String contentType,
                           @HeaderParam("Content-Length") Long contentLength,
                           InputStream body, @Context UriInfo uri) {
        caller.requireCompanyBin();
        Document document = uploads.upload(applicationId, requirementId,
                new FileReceiver.Body(contentType, contentLength == null ? -1 : contentLength, body),
                caller.actorName());
        Views.DocumentView view = Views.document(queries.document(document.id));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/documents/{id}").build(document.id))
                .entity(view).build();
    }

    @POST
    @Path("/review-rounds/current/finish")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Finish the current review round with rejections: publishes documents.changes-requested "
            + "(roles: officer, admin)")
    public Views.RoundView finishReviewRound(@PathParam("applicationId") UUID applicationId) {
        return Views.round(reviews.finishRound(applicationId, caller.actorName()));
    }

    @GET
    @Path("/retention-audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "What the retention job deleted for this application and when (roles: admin)")
    public List<Views.RetentionAuditView> getRetentionAudit(@PathParam("applicationId") UUID applicationId) {
        return queries.retentionAudit(applicationId).stream().map(Views::audit).toList();
    }
}
