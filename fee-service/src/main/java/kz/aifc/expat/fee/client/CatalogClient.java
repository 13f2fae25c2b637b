package kz.aifc.expat.fee.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * catalog-service reads used for quotes and invoices (docs/CONTRACTS.md). Answers are cached by
 * {@code TariffCatalog}; a catalog refusal (4xx) is not retried and does not open the circuit.
 */
@RegisterRestClient(configKey = "catalog")
@RegisterProvider(CatalogErrorMapper.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Timeout(3000)
@Retry(maxRetries = 2, delay = 200, abortOn = CatalogRefusedException.class)
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5000, skipOn = CatalogRefusedException.class)
public interface CatalogClient {

    @GET
    @Path("/services/{code}/fees")
    FeeSchedule fees(@PathParam("code") String serviceCode, @QueryParam("asOf") String asOf);

    @GET
    @Path("/mrp")
    Mrp mrp(@QueryParam("asOf") String asOf);

    @GET
    @Path("/calendar/add-working-days")
    AddedWorkingDays addWorkingDays(@QueryParam("date") String date, @QueryParam("days") int days);

    @GET
    @Path("/calendar/working-day")
    WorkingDay workingDay(@QueryParam("date") String date);
}
