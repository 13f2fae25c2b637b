package kz.aifc.expat.notification.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every remote read of the composer, with fault tolerance. A 403/404 is an answer (the object is gone or not ours
 * to read: {@link Optional#empty()}, never retried); anything else — refused connection, timeout, 5xx, open breaker
 * — is {@link Unavailable}: the composer keeps the event and tries again later, so nothing is lost while a service
 * is down. Always called outside transactions.
 */
@ApplicationScoped
public class Lookups {

    private static final Logger LOG = Logger.getLogger(Lookups.class);

    /** A dependency that could not answer; the caller retries the whole composition later. */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String what, Throwable cause) {
            super(what + " unavailable: " + cause, cause);
        }
    }

    /** A definite 4xx answer: not retried, not counted by the breaker. */
    static class Refused extends RuntimeException {
        final int status;

        Refused(int status) {
            super("HTTP " + status, null, false, false);
            this.status = status;
        }
    }

    @Inject
    @RestClient
    ApplicationClient application;

    @Inject
    @RestClient
    FeeClient fee;

    @Inject
    @RestClient
    SchedulingClient scheduling;

    @Inject
    @RestClient
    CatalogClient catalog;

    @Inject
    Lookups self;

    public List<Remote.Contact> contacts(String bin) {
        return absentIf4xx("contacts of " + bin, () -> self.contactsRemote(bin))
                .map(c -> c.contacts() == null ? List.<Remote.Contact>of() : c.contacts()).orElse(List.of());
    }

    public Optional<Remote.Application> application(String id) {
        return absentIf4xx("application " + id, () -> self.applicationRemote(id));
    }

    public Optional<Remote.Person> person(String id) {
        return absentIf4xx("person " + id, () -> self.personRemote(id));
    }

    public List<Remote.RadarItem> radar(String bin, int withinDays) {
        return absentIf4xx("radar of " + bin, () -> self.radarRemote(bin, withinDays)).orElse(List.of());
    }

    public Optional<Remote.Invoice> invoice(String id) {
        return absentIf4xx("invoice " + id, () -> self.invoiceRemote(id));
    }

    public List<Remote.Slot> freeSlots(String serviceCode, LocalDate from, int days) {
        return absentIf4xx("slots of " + serviceCode, () -> self.slotsRemote(serviceCode, from.toString(),
                from.plus(days, ChronoUnit.DAYS).toString()))
                .map(s -> s.slots() == null ? List.<Remote.Slot>of()
                        : s.slots().stream().filter(x -> x.remaining() > 0).toList())
                .orElse(List.of());
    }

    public Optional<String> calendar(String appointmentId) {
        return absentIf4xx("calendar of appointment " + appointmentId, () -> self.calendarRemote(appointmentId));
    }

    /**
     * Document titles of a service in {@code language}, only if the catalog answers in that language: a title in
     * another language must not appear in a message written in this one (the message shows the code instead).
     */
    public java.util.Map<String, String> documentTitles(String serviceCode, String language) {
        Optional<Remote.CatalogService> s = absentIf4xx("catalog service " + serviceCode,
                () -> self.catalogRemote(serviceCode, language));
        if (s.isEmpty() || !language.equals(s.get().language()) || s.get().documents() == null) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> titles = new java.util.HashMap<>();
        s.get().documents().forEach(d -> {
            if (d.documentCode() != null && d.title() != null) {
                titles.putIfAbsent(d.documentCode(), d.title());
            }
        });
        return titles;
    }

    private <T> Optional<T> absentIf4xx(String what, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (Refused r) {
            LOG.infof("%s: HTTP %d, composing without it", what, r.status);
            return Optional.empty();
        } catch (RuntimeException e) { // incl. CircuitBreakerOpenException, TimeoutException
            throw new Unavailable(what, e);
        }
    }

    private static <T> T call(Supplier<T> remote) {
        try {
            return remote.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status == 403 || status == 404 || status == 400 || status == 410) {
                throw new Refused(status);
            }
            throw e;
        }
    }

    // ---- the remote calls (CDI-intercepted through "self" so the fault-tolerance annotations apply)

    @Timeout(4000)
    @Retry(maxRetries = 2, delay = 200, abortOn = Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000, skipOn = Refused.class)
    Remote.Contacts contactsRemote(String bin) {
        return call(() -> application.contacts(bin));
    }

    @Timeout(4000)
    @Retry(maxRetries = 2, delay = 200, abortOn = Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000, skipOn = Refused.class)
    Remote.Application applicationRemote(String id) {
        return call(() -> application.application(id));
    }

    @Timeout(4000)
    @Retry(maxRetries = 2, delay = 200, abortOn = Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000, skipOn = Refused.class)
    Remote.Person personRemote(String id) {
        return call(() -> application.person(id));
    }

    @Timeout(8000)
    @Retry(maxRetries = 2, delay = 500, abortOn = Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000, skipOn = Refused.class)
    List<Remote.RadarItem> radarRemote(String bin, int withinDays) {
        return call(() -> application.radar(bin, withinDays));
    }

    @Timeout(4000)
    @Retry(maxRetries = 2, delay = 200, abortOn = Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000, skipOn = Refused.class)
    Remote.Invoice invoiceRemote(String id) {
        return call(() -> fee.invoice(id));
    }

    @Timeout(4000)
    @Retry(maxRetries = 2, delay = 200, abortOn = Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000, skipOn = Refused.class)
    Remote.SlotList slotsRemote(String serviceCode, String from, String to) {
        return call(() -> scheduling.slots(serviceCode, from, to));
    }

    @Timeout(4000)
    @Retry(maxRetries = 2, delay = 200, abortOn = Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000, skipOn = Refused.class)
    Remote.CatalogService catalogRemote(String serviceCode, String language) {
        return call(() -> catalog.service(serviceCode, language));
    }

    @Timeout(4000)
    @Retry(maxRetries = 2, delay = 200, abortOn = Refused.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 5000, skipOn = Refused.class)
    String calendarRemote(String appointmentId) {
        return call(() -> scheduling.calendar(appointmentId));
    }
}
