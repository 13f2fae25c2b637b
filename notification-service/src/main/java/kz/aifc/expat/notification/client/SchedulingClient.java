package kz.aifc.expat.notification.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** scheduling-service: the public slot listing and an appointment's calendar file (role notifier). */
@RegisterRestClient(configKey = "scheduling")
@OidcClientFilter
@Path("/api/v1")
public interface SchedulingClient {

    @GET
    @Path("/slots")
    @Produces(MediaType.APPLICATION_JSON)
    Remote.SlotList slots(@QueryParam("serviceCode") String serviceCode, @QueryParam("from") String from,
                          @QueryParam("to") String to);

    @GET
    @Path("/appointments/{id}/calendar.ics")
    @Produces("text/calendar")
    String calendar(@PathParam("id") String appointmentId);
}
