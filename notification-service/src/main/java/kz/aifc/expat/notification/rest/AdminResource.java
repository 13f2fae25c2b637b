package kz.aifc.expat.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.notification.service.DigestService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Administrative triggers")
public class AdminResource {

    @Inject
    DigestService digests;

    @POST
    @Path("/visa-expiry-digests")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Queue this week's visa-expiry digest now (one company with ?companyBin=, else every "
            + "company seen in events); a company's digest is sent once per ISO week whoever triggers it (admin)")
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DigestsQueued.class)))
    public Response sendVisaExpiryDigests(@QueryParam("companyBin") @Pattern(regexp = "\\d{12}", message = "must be 12 digits")
                        String companyBin) {
        return Response.accepted(new DigestsQueued(digests.queue(companyBin))).build();
    }
}
