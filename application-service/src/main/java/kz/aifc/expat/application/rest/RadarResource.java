package kz.aifc.expat.application.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.application.rest.Dtos.ExtensionDraftView;
import kz.aifc.expat.application.rest.Dtos.ExtensionRequest;
import kz.aifc.expat.application.rest.Dtos.ExtensionWindowView;
import kz.aifc.expat.application.rest.Dtos.RadarItem;
import kz.aifc.expat.application.service.CompanyService;
import kz.aifc.expat.application.service.RadarService;
import kz.aifc.expat.application.service.ServiceAccounts;
import kz.aifc.expat.defaults.idempotency.IdempotentRequests;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/radar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "radar", description = "Visas and permits about to expire, and starting their extension")
public class RadarResource {

    @Inject
    RadarService radar;

    @Inject
    Views views;

    @Inject
    CompanyService companies;

    @Inject
    CallerContext caller;

    @Inject
    IdempotentRequests idempotent;

    @GET
    @Path("/visa-expiry")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN, ServiceAccounts.NOTIFIER})
    @Operation(summary = "People whose visa/permit enters its extension window (30..5 working days before expiry) "
            + "within N days, with the window's first and last day (company-hr: own company; staff: ?companyBin)")
    public List<RadarItem> listExpiringVisas(@QueryParam("withinDays") @DefaultValue("30") @Min(0) @Max(366) int within,
                                      @QueryParam("companyBin") String companyBin) {
        String bin;
        if (caller.isStaff() || caller.hasRole(ServiceAccounts.NOTIFIER)) {
            if (companyBin == null) {
                throw ProblemException.badRequest("companyBin", "staff must name the company");
            }
            bin = companies.visible(companyBin).bin;
        } else {
            bin = companies.mine().bin;
        }
        return radar.radar(bin, within).stream().map(e -> new RadarItem(e.person().id,
                e.person().firstName, e.person().lastName, e.person().visaType, e.person().visaCategory,
                e.person().visaNumber, e.person().visaExpires, e.window().firstDay(), e.window().lastDay(),
                e.open())).toList();
    }

    @POST
    @Path("/visa-expiry/{personId}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "Start the extension of a radar entry's visa/permit in one call: a DRAFT of the matching "
            + "extension service prefilled from the current visa/permit (service, category, host company, a requested "
            + "end one year after the current one), and the extension-window rule answered now (TOO_EARLY, OPEN, "
            + "TOO_LATE with the window's days). serviceCode picks the service when the visa alone does not tell "
            + "(company-hr, own persons only; Idempotency-Key)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.ExtensionDraftView.class)))
    public Response startVisaExtension(@PathParam("personId") UUID personId, @Valid ExtensionRequest body,
                                   @HeaderParam(IdempotentRequests.HEADER) String key) {
        ExtensionRequest req = body == null ? new ExtensionRequest(null) : body;
        return idempotent.run(key, "extension " + personId, req, () -> {
            RadarService.ExtensionDraft started = radar.startExtension(personId, req.serviceCode());
            RadarService.WindowAnswer w = started.window();
            return Response.created(URI.create("/api/v1/applications/" + started.draft().id))
                    .entity(new ExtensionDraftView(views.of(started.draft()), new ExtensionWindowView(w.status(),
                            w.today(), w.firstDay(), w.lastDay(), w.currentValidUntil(), w.sameHostCompany())))
                    .build();
        });
    }
}
