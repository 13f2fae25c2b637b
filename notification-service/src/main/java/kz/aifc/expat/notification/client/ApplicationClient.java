package kz.aifc.expat.notification.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** application-service, read with notification-service's own service account (role notifier). */
@RegisterRestClient(configKey = "application")
@OidcClientFilter
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ApplicationClient {

    @GET
    @Path("/companies/{bin}/notification-contacts")
    Remote.Contacts contacts(@PathParam("bin") String bin);

    @GET
    @Path("/applications/{id}")
    Remote.Application application(@PathParam("id") String id);

    @GET
    @Path("/persons/{id}")
    Remote.Person person(@PathParam("id") String id);

    @GET
    @Path("/radar/visa-expiry")
    List<Remote.RadarItem> radar(@QueryParam("companyBin") String companyBin, @QueryParam("withinDays") int withinDays);
}
