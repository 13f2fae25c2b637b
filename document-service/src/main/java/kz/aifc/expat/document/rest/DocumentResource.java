package kz.aifc.expat.document.rest;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import kz.aifc.expat.defaults.idempotency.IdempotentRequests;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.document.model.Document;
import kz.aifc.expat.document.service.DocumentQueries;
import kz.aifc.expat.document.service.ReviewService;
import kz.aifc.expat.document.storage.Filenames;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** One uploaded document version: metadata, streamed content, officer decision. */
@Tag(name = "documents", description = "One uploaded document: metadata, content, review")
@Path("/api/v1/documents/{documentId}")
public class DocumentResource {

    @Inject
    DocumentQueries queries;

    @Inject
    ReviewService reviews;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    CallerContext caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Document metadata (roles: company-hr own company, officer, admin)")
    public Views.DocumentView getDocument(@PathParam("documentId") UUID documentId) {
        return Views.document(queries.document(documentId));
    }

    @GET
    @Path("/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "The file, streamed from the store (roles: company-hr own company, officer, admin)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response downloadDocument(@PathParam("documentId") UUID documentId) {
        DocumentQueries.Content content = queries.content(documentId);
        Document d = content.document();
        StreamingOutput body = out -> {
            try (InputStream in = content.stream()) {
                in.transferTo(out);
            }
        };
        String encoded = URLEncoder.encode(d.originalFilename, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, d.contentType)
                .header("Content-Length", d.size)
                .header("Content-Disposition", "attachment; filename=\"" + Filenames.ascii(d.originalFilename)
                        + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .header("ETag", "\"" + d.sha256 + "\"")
                .header("X-Checksum-SHA256", d.sha256)
                .build();
    }

    @POST
    @Path("/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Approve or reject this version; a rejection needs a reason. Accepts Idempotency-Key "
            + "(roles: officer, admin)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.DocumentView.class)))
    public Response reviewDocument(@PathParam("documentId") UUID documentId, @Valid @NotNull ReviewRequest request,
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.run(idempotencyKey, "review:" + documentId, request, () -> {
            reviews.review(documentId, request.decision(), request.reason(), caller.actorName());
            return Response.ok(Views.document(queries.document(documentId))).build();
        });
    }
}
