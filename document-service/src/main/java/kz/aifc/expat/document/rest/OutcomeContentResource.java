package kz.aifc.expat.document.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.document.model.OutcomeDocument;
import kz.aifc.expat.document.service.OutcomeDocuments;
import kz.aifc.expat.document.storage.Filenames;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Downloads of a case's issued documents. */
@Path("/api/v1/outcome-documents")
@Tag(name = "outcome documents")
public class OutcomeContentResource {

    @Inject
    OutcomeDocuments outcomes;

    @GET
    @Path("/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Download an issued document (roles: company-hr own company, officer, admin)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response downloadOutcomeDocument(@PathParam("documentId") UUID documentId) {
        OutcomeDocuments.Content content = outcomes.content(documentId);
        OutcomeDocument d = content.document();
        StreamingOutput out = sink -> {
            try (InputStream in = content.stream()) {
                in.transferTo(sink);
            }
        };
        String encoded = URLEncoder.encode(d.originalFilename, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(out, d.contentType)
                .header("Content-Length", d.size)
                .header("Content-Disposition", "attachment; filename=\"" + Filenames.ascii(d.originalFilename)
                        + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .header("ETag", "\"" + d.sha256 + "\"")
                .header("X-Checksum-SHA256", d.sha256)
                .build();
    }
}
