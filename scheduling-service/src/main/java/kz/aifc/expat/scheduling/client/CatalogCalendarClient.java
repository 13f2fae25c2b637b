package kz.aifc.expat.scheduling.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * The office calendar of catalog-service (docs/CONTRACTS.md). Callers ({@code OfficeCalendar}) cache the answers and
 * fall back to the last known copy, so a catalog outage does not stop booking. A 4xx ({@link CatalogRefusedException})
 * is the catalog's answer to a bad request: not retried and not a breaker failure, so one client's bad input can never
 * open the circuit for everyone (security finding #14.5).
 */
@RegisterRestClient(configKey = "catalog")
@RegisterProvider(CatalogErrorMapper.class)
@Path("/api/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogCalendarClient {

    @GET
    @Path("/office")
    @Timeout(3000)
    @Retry(maxRetries = 1, delay = 200, abortOn = {CircuitBreakerOpenException.class, CatalogRefusedException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10000,
            skipOn = CatalogRefusedException.class)
    OfficeDto office();

    @GET
    @Path("/days")
    @Timeout(3000)
    @Retry(maxRetries = 1, delay = 200, abortOn = {CircuitBreakerOpenException.class, CatalogRefusedException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10000,
            skipOn = CatalogRefusedException.class)
    List<CalendarDayDto> days(@QueryParam("from") String from, @QueryParam("to") String to);

    /** The catalog's working-day arithmetic: the {@code days}-th working day after {@code date} (before: negative). */
    @GET
    @Path("/add-working-days")
    @Timeout(3000)
    @Retry(maxRetries = 1, delay = 200, abortOn = {CircuitBreakerOpenException.class, CatalogRefusedException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10000,
            skipOn = CatalogRefusedException.class)
    AddWorkingDaysDto addWorkingDays(@QueryParam("date") String date, @QueryParam("days") int days);

    /** {@code GET /api/v1/calendar/office}; unknown members (phones, ...) are ignored. */
    record OfficeDto(String timeZone, String opens, String closes, String lunchStart, String lunchEnd, String address,
                     String email) {
    }

    /** One day of {@code GET /api/v1/calendar/days}. */
    record CalendarDayDto(String date, boolean working, String reason) {
    }

    /** {@code GET /api/v1/calendar/add-working-days}. */
    record AddWorkingDaysDto(String date, int days, String result) {
    }
}
