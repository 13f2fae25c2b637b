package kz.aifc.expat.application.rest;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.application.rest.Dtos.CompanyRequest;
import kz.aifc.expat.application.rest.Dtos.CompanyView;
import kz.aifc.expat.application.rest.Dtos.NotificationContacts;
import kz.aifc.expat.application.rest.Dtos.NotificationContactsView;
import kz.aifc.expat.application.service.CompanyService;
import kz.aifc.expat.application.service.ServiceAccounts;
import kz.aifc.expat.defaults.idempotency.IdempotentRequests;
import kz.aifc.expat.defaults.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "companies", description = "Host companies and their notification contacts")
public class CompanyResource {

    @Inject
    CompanyService companies;

    @Inject
    IdempotentRequests idempotent;

    @POST
    @RolesAllowed({Roles.COMPANY_HR, Roles.ADMIN})
    @Operation(summary = "Register a host company (company-hr: its own BIN from the token; admin: any)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.CompanyView.class)))
    public Response registerCompany(@Valid @NotNull CompanyRequest req,
                             @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.run(key, "register-company", req, () -> {
            CompanyView view = Views.of(companies.register(req.bin(), req.name(), req.legalForm()));
            return Response.created(URI.create("/api/v1/companies/" + view.bin())).entity(view).build();
        });
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "The caller's company (company-hr)")
    public CompanyView getOwnCompany() {
        return Views.of(companies.mine());
    }

    @GET
    @Path("/{bin}")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "One company (company-hr: only its own, else 404; staff: any)")
    public CompanyView getCompany(@PathParam("bin") String bin) {
        return Views.of(companies.visible(bin));
    }

    @GET
    @Path("/{bin}/notification-contacts")
    @RolesAllowed({Roles.COMPANY_HR, Roles.ADMIN, ServiceAccounts.NOTIFIER})
    @Operation(summary = "Where the company's notifications go, each address with its language (company-hr and "
            + "partner systems: own company only, else 404; admin and notification-service: any)")
    public NotificationContactsView getNotificationContacts(@PathParam("bin") String bin) {
        return companies.contacts(bin);
    }

    @PUT
    @Path("/{bin}/notification-contacts")
    @RolesAllowed({Roles.COMPANY_HR, Roles.ADMIN})
    @Operation(summary = "Replace the company's notification contacts (1..20 distinct addresses, language kk, ru or "
            + "en; an empty list stops company e-mail) (company-hr and partner systems: own company only; admin: any)")
    public NotificationContactsView replaceNotificationContacts(@PathParam("bin") String bin,
                                                    @Valid @NotNull NotificationContacts req) {
        return companies.replaceContacts(bin, req.contacts());
    }
}
