package kz.aifc.expat.defaults.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox backlog as ops watch it (#17): how many events wait to be published and how long the oldest has
 * waited. Sampled every 15 s from the partial index of unpublished rows (cheap), not on each scrape, so a slow
 * database never slows /q/metrics. Every replica reports the same database: alert on max(), not sum().
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    void register(@Observes StartupEvent start) {
        Gauge.builder("expat.outbox.backlog", backlog, AtomicLong::get)
                .description("Events recorded in this service's outbox and not yet published to Kafka")
                .baseUnit("events").register(registry);
        Gauge.builder("expat.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
                .description("Seconds the oldest unpublished outbox event has waited (0 when none waits)")
                .baseUnit("seconds").register(registry);
    }

    @Scheduled(identity = "outbox-metrics", every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sample() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0) "
                            + "FROM outbox_event WHERE published_at IS NULL").getSingleResult());
            backlog.set(((Number) row[0]).longValue());
            oldestAgeSeconds.set(Math.max(0, ((Number) row[1]).longValue()));
        } catch (RuntimeException e) {
            LOG.debugf("outbox metrics not sampled: %s", e.toString());
        }
    }
}
