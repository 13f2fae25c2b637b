package kz.aifc.expat.document.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import kz.aifc.expat.document.messaging.Events;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Fault-tolerant access to the catalog checklist. A failure is tolerable: the checklist stays "not ready" and the
 * loader job asks again later.
 */
@ApplicationScoped
public class CatalogGateway {

    private static final Logger LOG = Logger.getLogger(CatalogGateway.class);

    @Inject
    @RestClient
    CatalogClient catalog;

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.75, delay = 20, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<CatalogChecklist> checklist(String serviceCode, Events.Profile profile,
                                                              LocalDate asOf) {
        Events.Profile p = profile == null ? new Events.Profile(null, null, null, null, null, null) : profile;
        try {
            return Optional.ofNullable(catalog.checklist(serviceCode, p.legalForm(), p.applicantType(),
                    p.visaCategory(), p.childAge(), p.entity(), asOf.toString()));
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                // the catalog's answer about this checklist (unknown code, no version yet), not an outage: returned
                // as "nothing" so that it neither is retried nor trips the breaker for everyone else
                LOG.warnf("catalog refuses the checklist of %s (asOf %s): HTTP %d", serviceCode, asOf, status);
                return Optional.empty();
            }
            throw e;
        }
    }

    Optional<CatalogChecklist> unavailable(String serviceCode, Events.Profile profile, LocalDate asOf,
                                                         Throwable failure) {
        LOG.warnf("catalog checklist of %s (asOf %s) unavailable (%s); will ask again later", serviceCode, asOf,
                failure.toString());
        return Optional.empty();
    }
}
