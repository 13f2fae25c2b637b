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
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.application.model.AppState;
import kz.aifc.expat.application.model.Application;
import kz.aifc.expat.application.rest.Dtos.*;
import kz.aifc.expat.application.service.ApplicationQueries;
import kz.aifc.expat.application.service.CaseAssignment;
import kz.aifc.expat.application.service.DraftService;
import kz.aifc.expat.application.service.LifecycleService;
import kz.aifc.expat.application.service.ServiceAccounts;
import kz.aifc.expat.defaults.idempotency.IdempotentRequests;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "applications", description = "Applications (cases): drafts, submission, review, outcome")
public class ApplicationResource {

    @Inject
    ApplicationQueries queries;

    @Inject
    DraftService drafts;

    @Inject
    LifecycleService lifecycle;

    @Inject
    CaseAssignment assignment;

    @Inject
    Views views;

    @Inject
    IdempotentRequests idempotent;

    @POST
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "Create a draft application (company-hr; Idempotency-Key)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.ApplicationView.class)))
    public Response createApplication(@Valid @NotNull ApplicationRequest req,
                           @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.run(key, "create-application", req, () -> {
            Application a = drafts.create(req.toCommand());
            return Response.created(URI.create("/api/v1/applications/" + a.id)).tag(etag(a)).entity(views.of(a))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "List applications, newest change first (company-hr: own company; staff: all or ?companyBin)")
    public Page<ApplicationView> listApplications(@QueryParam("status") AppState status,
                                      @QueryParam("serviceCode") String serviceCode,
                                      @QueryParam("personId") UUID personId,
                                      @QueryParam("updatedSince") String updatedSince,
                                      @QueryParam("companyBin") String companyBin,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        ApplicationQueries.Found found = queries.list(new ApplicationQueries.Filter(companyBin, status,
                serviceCode, personId, parseInstant("updatedSince", updatedSince), null, null, null, page, size));
        return new Page<>(found.items().stream().map(views::of).toList(), page, size, found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN, ServiceAccounts.NOTIFIER})
    @Operation(summary = "One application with the caller's allowedActions and an ETag (also notification-service)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.ApplicationView.class)))
    public Response getApplication(@PathParam("id") UUID id) {
        Application a = queries.visible(id, false);
        return Response.ok(views.of(a)).tag(etag(a)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "Replace a draft's (or a returned application's) data (company-hr; If-Match required: 428 without, 412 when stale)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.ApplicationView.class)))
    public Response updateApplication(@PathParam("id") UUID id, @Valid @NotNull ApplicationRequest req,
                           @Parameter(required = true, description = "ETag read (strong); * overwrites")
                           @HeaderParam("If-Match") String ifMatch) {
        Application a = drafts.update(id, req.toCommand(), ifMatch);
        return Response.ok(views.of(a)).tag(etag(a)).build();
    }

    @POST
    @Path("/{id}/consent")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "Record consent to personal-data processing (company-hr; If-Match; Idempotency-Key)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.ApplicationView.class)))
    public Response recordConsent(@PathParam("id") UUID id, @Valid @NotNull ConsentRequest req,
                            @HeaderParam("If-Match") String ifMatch,
                            @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.run(key, "consent " + id, req, () -> ok(drafts.consent(id, req.toCommand(), ifMatch)));
    }

    @POST
    @Path("/{id}/{action}")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "A lifecycle action: submit, resubmit, withdraw (company side); start-review, "
            + "request-changes (any stage before completion), start-processing, complete (outcome required, issued "
            + "document uploaded first), reject (reasons + comment), cancel, extend-deadline (officer/admin). "
            + "receive-originals is the desk's (scheduling-service check-in/complete): 403 here. 409 with "
            + "currentState/allowedActions when illegal; If-Match; Idempotency-Key")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.ApplicationView.class)))
    public Response actOnApplication(@PathParam("id") UUID id, @PathParam("action") String action,
                        @Valid ActionRequest body, @HeaderParam("If-Match") String ifMatch,
                        @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.run(key, action + " " + id, body == null ? Map.of() : body,
                () -> ok(lifecycle.act(id, action, body == null ? null : body.toCommand(), ifMatch)));
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Claim the case (officer)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.ApplicationView.class)))
    public Response claimApplication(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.run(key, "claim " + id, Map.of(), () -> ok(assignment.claim(id, ifMatch)));
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Release the case (its assignee or an admin)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.ApplicationView.class)))
    public Response releaseApplication(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.run(key, "release " + id, Map.of(), () -> ok(assignment.release(id, ifMatch)));
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Assign the case to an officer (unclaimed or own case; admin: any); 422 unknown-officer "
            + "unless an enabled user holds the officer role")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.ApplicationView.class)))
    public Response assignApplication(@PathParam("id") UUID id, @Valid @NotNull AssignRequest req,
                           @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam(IdempotentRequests.HEADER) String key) {
        assignment.requireOfficer(req.officer()); // asks Keycloak: before the transaction
        return idempotent.run(key, "assign " + id, req,
                () -> ok(assignment.assign(id, req.officer(), ifMatch)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Every transition with actor, time and comment")
    public List<HistoryView> getApplicationHistory(@PathParam("id") UUID id) {
        return queries.history(id).stream().map(Views::of).toList();
    }

    @GET
    @Path("/{id}/notes")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Internal notes (officers only; never shown to the company)")
    public List<NoteView> listNotes(@PathParam("id") UUID id) {
        return assignment.notes(id).stream().map(Views::of).toList();
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Add an internal note (officers only)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.NoteView.class)))
    public Response addNote(@PathParam("id") UUID id, @Valid @NotNull NoteRequest req,
                            @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotent.run(key, "note " + id, req,
                () -> Response.status(201).entity(Views.of(assignment.addNote(id, req.text()))).build());
    }

    private Response ok(Application a) {
        return Response.ok(views.of(a)).tag(etag(a)).build();
    }

    static EntityTag etag(Application a) {
        return new EntityTag(Long.toString(a.version));
    }

    static OffsetDateTime parseInstant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 date-time with offset");
        }
    }
}
