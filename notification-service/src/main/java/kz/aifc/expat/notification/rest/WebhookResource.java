package kz.aifc.expat.notification.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.notification.model.WebhookAttempt;
import kz.aifc.expat.notification.model.WebhookDelivery;
import kz.aifc.expat.notification.rest.WebhookDtos.*;
import kz.aifc.expat.notification.service.WebhookService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Webhook endpoints of partner HR systems (company-hr users and partner clients, their own company only: another
 * company's id is 404). Deliveries follow the Standard Webhooks specification.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks", description = "Partner systems' webhook endpoints and their delivery log")
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @POST
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "Register an endpoint: https URL, event types, description, enabled. The answer carries the "
            + "signing secret (whsec_...) — the only time it is shown")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookDtos.EndpointWithSecret.class)))
    public Response createWebhook(CreateEndpoint req) {
        var e = webhooks.create(req);
        return Response.created(URI.create("/api/v1/webhooks/" + e.id)).entity(EndpointWithSecret.of(e)).build();
    }

    @GET
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "The company's endpoints (no secrets)")
    public List<EndpointView> listWebhooks() {
        return webhooks.list().stream().map(EndpointView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "One endpoint (another company's: 404)")
    public EndpointView getWebhook(@PathParam("id") String id) {
        return EndpointView.of(webhooks.own(id, false));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "Change url, eventTypes, description or enabled (a secret is refused: rotate it); "
            + "enabling again resumes the pending deliveries")
    public EndpointView updateWebhook(@PathParam("id") String id, JsonNode body) {
        return EndpointView.of(webhooks.patch(id, body));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "Remove an endpoint and its delivery log")
    @APIResponse(responseCode = "204", description = "Done, no content")
    public Response deleteWebhook(@PathParam("id") String id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "A new signing secret (shown once); the previous one keeps signing for the overlap "
            + "(default PT24H): both signatures are sent meanwhile")
    public EndpointWithSecret rotateWebhookSecret(@PathParam("id") String id, @Valid RotateSecret req) {
        return EndpointWithSecret.of(webhooks.rotate(id, req == null ? null : req.overlap()));
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "Delivery log, newest first: attempts, last status code, latency, response excerpt, next try")
    public Page<DeliveryView> listDeliveries(@PathParam("id") String id,
                                         @QueryParam("status") @Pattern(regexp = "PENDING|SUCCEEDED|ABANDONED",
                                                 message = "PENDING, SUCCEEDED or ABANDONED") String status,
                                         @QueryParam("eventType") @Pattern(regexp = "[a-z.-]{1,120}",
                                                 message = "an event type") String eventType,
                                         @QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var found = webhooks.deliveries(id, status, eventType, time("from", from), time("to", to), page, size);
        return new Page<>(found.items().stream().map(d -> DeliveryView.of(d, null)).toList(), page, size,
                found.total());
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "One delivery with every attempt")
    public DeliveryView getDelivery(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        WebhookDelivery d = webhooks.delivery(id, deliveryId);
        List<AttemptView> log = WebhookAttempt.<WebhookAttempt>list("deliveryId = ?1 order by attempt, id", d.id)
                .stream().map(AttemptView::of).toList();
        return DeliveryView.of(d, log);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "Send the delivery again (same webhook-id, fresh retry schedule)")
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookDtos.DeliveryView.class)))
    public Response replayDelivery(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return Response.accepted(DeliveryView.of(webhooks.replay(id, deliveryId), null)).build();
    }

    @POST
    @Path("/{id}/replay")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "Send again every delivery created in [from, to) that succeeded or was abandoned "
            + "(optionally only one of the two states); at most 31 days")
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookDtos.ReplayResult.class)))
    public Response replayDeliveries(@PathParam("id") String id, @Valid @NotNull ReplayRange req) {
        return Response.accepted(new ReplayResult(webhooks.replay(id, req.from(), req.to(), req.status()))).build();
    }

    private static OffsetDateTime time(String field, String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "an ISO-8601 date-time with offset");
        }
    }
}
