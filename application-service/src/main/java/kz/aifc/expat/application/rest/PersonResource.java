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
import kz.aifc.expat.application.model.Person;
import kz.aifc.expat.application.rest.Dtos.PersonRequest;
import kz.aifc.expat.application.rest.Dtos.PersonView;
import kz.aifc.expat.application.service.PersonService;
import kz.aifc.expat.application.service.Preconditions;
import kz.aifc.expat.application.service.ServiceAccounts;
import kz.aifc.expat.defaults.idempotency.IdempotentRequests;
import kz.aifc.expat.defaults.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "persons", description = "Employees and family members a company applies for")
public class PersonResource {

    @Inject
    PersonService persons;

    @Inject
    IdempotentRequests idempotent;

    @POST
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "Record a person the company applies for (company-hr)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.PersonView.class)))
    public Response createPerson(@Valid @NotNull PersonRequest req, @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.run(key, "create-person", req, () -> {
            Person p = persons.create(req);
            return Response.created(URI.create("/api/v1/persons/" + p.id)).tag(etag(p)).entity(Views.of(p)).build();
        });
    }

    @GET
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "The company's persons (company-hr)")
    public List<PersonView> listPersons() {
        return persons.listMine().stream().map(Views::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN, ServiceAccounts.NOTIFIER})
    @Operation(summary = "One person, with ETag (company-hr: own company only; staff and notification-service: any)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.PersonView.class)))
    public Response getPerson(@PathParam("id") UUID id) {
        Person p = persons.visible(id, false);
        return Response.ok(Views.of(p)).tag(etag(p)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "Replace a person's data (company-hr; If-Match required: 428 without, 412 when stale)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.PersonView.class)))
    public Response updatePerson(@PathParam("id") UUID id, @Valid @NotNull PersonRequest req,
                           @Parameter(required = true, description = "ETag read (strong); * overwrites")
                           @HeaderParam("If-Match") String ifMatch) {
        Person p = persons.update(id, req, ifMatch);
        return Response.ok(Views.of(p)).tag(etag(p)).build();
    }

    private static jakarta.ws.rs.core.EntityTag etag(Person p) {
        return new jakarta.ws.rs.core.EntityTag(Long.toString(p.version));
    }

    static String etagValue(long version) {
        return Preconditions.etag(version);
    }
}
