package kz.aifc.expat.application.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Fault-tolerant access to catalog-service. "Not found" is an answer (empty), not a failure; anything else that
 * goes wrong (timeout, connection refused, 5xx, open circuit) surfaces as an exception that the problem mappers and
 * the inbox both treat as "dependency down" (503 to a client, retry for an event).
 */
@ApplicationScoped
public class CatalogGateway {

    @Inject
    @RestClient
    CatalogApi api;

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = NotFound.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.75, delay = 5000, successThreshold = 1,
            skipOn = NotFound.class)
    public JsonNode service(String code, LocalDate asOf) {
        return call(() -> api.service(code, asOf.toString()));
    }

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = NotFound.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.75, delay = 5000, successThreshold = 1,
            skipOn = NotFound.class)
    public JsonNode fees(String code, LocalDate asOf) {
        return call(() -> api.fees(code, asOf.toString()));
    }

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.75, delay = 5000, successThreshold = 1)
    public LocalDate addWorkingDays(LocalDate date, int days) {
        return LocalDate.parse(call(() -> api.addWorkingDays(date.toString(), days)).path("result").asText());
    }

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.75, delay = 5000, successThreshold = 1)
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return call(() -> api.workingDaysBetween(from.toString(), to.toString())).path("workingDays").asInt();
    }

    /** {@link #service} without the exception for an unknown code. */
    public Optional<JsonNode> findService(String code, LocalDate asOf) {
        try {
            return Optional.of(service(code, asOf));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    public Optional<JsonNode> findFees(String code, LocalDate asOf) {
        try {
            return Optional.of(fees(code, asOf));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    private static JsonNode call(java.util.function.Supplier<JsonNode> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status == 404) {
                throw new NotFound();
            }
            // 5xx or an unexpected 4xx: the catalog cannot answer now; callers treat it as "dependency down"
            throw new ProcessingException("catalog-service answered HTTP " + status, e);
        }
    }

    /** The catalog does not know the requested code. */
    public static final class NotFound extends RuntimeException {
        public NotFound() {
            super("not found in the catalog", null, false, false);
        }
    }
}
