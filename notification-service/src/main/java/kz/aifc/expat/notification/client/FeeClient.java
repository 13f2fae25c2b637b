package kz.aifc.expat.notification.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** fee-service: the invoice's lines for "invoice issued" (role notifier). */
@RegisterRestClient(configKey = "fee")
@OidcClientFilter
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface FeeClient {

    @GET
    @Path("/invoices/{id}")
    Remote.Invoice invoice(@PathParam("id") String id);
}
