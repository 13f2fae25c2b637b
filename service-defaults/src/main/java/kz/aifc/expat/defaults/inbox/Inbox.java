package kz.aifc.expat.defaults.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.defaults.problem.ProblemMappers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Idempotent consumption: the event id is recorded in the same transaction as the handler's effect, so a redelivered
 * event (relay re-send, consumer restart, rebalance) is applied once. While a store is down the handler is retried
 * with back-off instead of being skipped; any other failure is retried twice more, then propagates to the channel's
 * failure strategy (dead letter).
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /**
     * A failure that is not an outage (a deadlock, a commit failing while the database restarts, a poison event) is
     * retried a few times; an event that still fails goes to the dead-letter topic.
     */
    private static final int MAX_ATTEMPTS_WITHOUT_OUTAGE = 3;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    @ConfigProperty(name = "expat.inbox.max-outage", defaultValue = "PT10M")
    Duration maxOutage;

    /** Runs {@code handler} once per event id for this service; returns false for a duplicate. */
    public boolean process(ConsumerRecord<String, String> record, Consumer<EventEnvelope> handler) {
        return process(record, event -> null, (event, nothing) -> handler.accept(event));
    }

    /**
     * As {@link #process(ConsumerRecord, Consumer)}, with {@code prepare} run before every attempt and outside any
     * transaction: the remote reads the handler needs (another service's answer), so no remote call is made while
     * the handler's transaction holds row locks. It runs again on a retry (the answer may have changed) and also for
     * a duplicate, which costs a read and changes nothing.
     */
    public <P> boolean process(ConsumerRecord<String, String> record, Function<EventEnvelope, P> prepare,
                               BiConsumer<EventEnvelope, P> handler) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("events are consumed outside a transaction: the inbox opens its own");
        }
        EventEnvelope event = EventEnvelope.of(record);
        if (event.id() == null || event.type() == null) {
            LOG.warnf("ignoring a record without CloudEvent id/type on %s at offset %d", record.topic(),
                    record.offset());
            return false;
        }
        long deadline = System.nanoTime() + maxOutage.toNanos();
        long backoffMillis = 200;
        int attempts = 0;
        while (true) {
            try {
                P prepared = prepare.apply(event);
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstDelivery(event)) {
                        return false;
                    }
                    handler.accept(event, prepared);
                    return true;
                });
            } catch (RuntimeException e) {
                attempts++;
                boolean outage = ProblemMappers.isDependencyDown(e) || !storeReachable();
                if (outage ? System.nanoTime() > deadline : attempts >= MAX_ATTEMPTS_WITHOUT_OUTAGE) {
                    throw e;
                }
                LOG.warnf("%s while handling %s %s, retrying in %d ms", outage ? "store unavailable" : e.toString(),
                        event.type(), event.id(), backoffMillis);
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    /** Reads event data into the consumer's own record type, tolerating fields it does not know. */
    public <T> T data(EventEnvelope event, Class<T> type) {
        try {
            return objectMapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(event.rawData());
        } catch (IOException e) {
            throw new IllegalArgumentException("event " + event.id() + " of type " + event.type()
                    + " cannot be read as " + type.getSimpleName(), e);
        }
    }

    /** A failure the exception does not explain as an outage may still be one: ask the database directly. */
    private boolean storeReachable() {
        try {
            QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("SELECT 1").getSingleResult());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean firstDelivery(EventEnvelope event) {
        int inserted = em.createNativeQuery("INSERT INTO inbox_event (consumer, event_id, event_type, received_at) "
                        + "VALUES (:consumer, :id, :type, :at) ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        return inserted == 1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a store to come back", e);
        }
    }
}
