package kz.aifc.expat.application.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's read API as docs/CONTRACTS.md states it; answers are read leniently as JSON trees. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/services/{code}")
    JsonNode service(@PathParam("code") String code, @QueryParam("asOf") String asOf);

    @GET
    @Path("/services/{code}/fees")
    JsonNode fees(@PathParam("code") String code, @QueryParam("asOf") String asOf);

    @GET
    @Path("/calendar/add-working-days")
    JsonNode addWorkingDays(@QueryParam("date") String date, @QueryParam("days") int days);

    @GET
    @Path("/calendar/working-days-between")
    JsonNode workingDaysBetween(@QueryParam("from") String from, @QueryParam("to") String to);
}
