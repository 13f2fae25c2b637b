package kz.aifc.expat.fee.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
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

    /** Texts in the first of {@code acceptLanguage}'s languages the catalog can serve entirely (it says which). */
    @GET
    @Path("/services/{code}/fees")
    FeeSchedule fees(@PathParam("code") String serviceCode, @QueryParam("asOf") String asOf,
                     @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage);

    @GET
    @Path("/mrp")
    Mrp mrp(@QueryParam("asOf") String asOf);

    /** The only working-day arithmetic fee-service uses (the start day is not counted; 0 = same or next). */
    @GET
    @Path("/calendar/add-working-days")
    AddedWorkingDays addWorkingDays(@QueryParam("date") String date, @QueryParam("days") int days);
}
