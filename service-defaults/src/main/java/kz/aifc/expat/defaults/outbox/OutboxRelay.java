package kz.aifc.expat.defaults.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.context.ManagedExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode). One relay at a time per database (a transaction-scoped
 * advisory lock), so with several replicas no event is sent twice concurrently and per-key order is kept. A crash
 * between send and commit re-sends a batch: consumers deduplicate by CloudEvent id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming "the outbox relay" among advisory locks of this database. */
    public static final long RELAY_LOCK = 0x0E1A7_0B0AL;

    @Inject
    EntityManager em;

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /**
     * Put in front of every topic name (empty in production). A module's test run sets its own, so its events never
     * reach the running system and it never reads the running system's backlog (see test-fixtures' TestTopics).
     */
    @ConfigProperty(name = "expat.kafka.topic-prefix")
    Optional<String> topicPrefix;

    @ConfigProperty(name = "expat.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "expat.outbox.send-timeout", defaultValue = "PT15S")
    Duration sendTimeout;

    @Inject
    ManagedExecutor executor;

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    @Inject
    Scheduler scheduler;

    @ConfigProperty(name = "expat.outbox.relay-interval", defaultValue = "1s")
    String sweepInterval;

    /**
     * Scheduled from start-up rather than with @Scheduled: a declarative job may fire while start-up (e.g. waiting
     * for Keycloak) is still wiring the Kafka channels, and the emitter would not be connected yet.
     */
    void onStart(@Observes StartupEvent start) {
        failures(); // exported from the start, at 0
        started.set(true);
        scheduler.newJob("outbox-relay")
                .setInterval(sweepInterval)
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> relay())
                .schedule();
    }

    /** Publishes as soon as a transaction that recorded events commits (low latency); the sweep catches the rest. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEvent recorded) {
        again.set(true);
        if (!running.get()) {
            executor.execute(this::relay);
        }
    }

    void relay() {
        if (!started.get() || !running.compareAndSet(false, true)) {
            return; // the running pass will loop once more because "again" is set
        }
        try {
            do {
                again.set(false);
                relayAll();
            } while (again.get());
        } finally {
            running.set(false);
        }
    }

    private void relayAll() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().timeout(60).call(this::relayBatch);
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            failures().increment();
            LOG.warnf("outbox relay paused: %s", e.toString());
        }
    }

    /** Sends one batch inside the caller's transaction and marks it published; returns how many were sent. */
    @SuppressWarnings("unchecked")
    int relayBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> batch = em.createNativeQuery(
                        "SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY occurred_at, id LIMIT :n",
                        OutboxEvent.class)
                .setParameter("n", batchSize).getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        // the sends' callbacks run on the producer's thread: they must not take this transaction with them
        WithoutContext.call(() -> {
            List<Uni<Void>> sends = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                sends.add(emitter.sendMessage(toMessage(event)));
            }
            return Uni.join().all(sends).andFailFast().await().atMost(sendTimeout);
        });
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        batch.forEach(event -> event.publishedAt = now);
        Counter.builder("expat.outbox.published").description("Outbox events published to Kafka")
                .register(registry).increment(batch.size());
        return batch.size();
    }

    private Counter failures() {
        return Counter.builder("expat.outbox.relay.failures").description("Outbox relay passes that failed (their "
                + "batch is sent again by the next pass; consumers' inboxes absorb the repeats)").register(registry);
    }

    private Message<String> toMessage(OutboxEvent event) {
        return Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topicPrefix.orElse("") + event.topic)
                        .withKey(event.eventKey)
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.id.toString())
                        .withType(event.eventType)
                        .withSource(URI.create("urn:expat:" + source))
                        .withSubject(event.subject)
                        .withTimestamp(event.occurredAt.toZonedDateTime())
                        .withDataContentType("application/json")
                        .build());
    }
}
