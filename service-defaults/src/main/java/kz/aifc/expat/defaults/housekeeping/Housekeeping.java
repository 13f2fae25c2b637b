package kz.aifc.expat.defaults.housekeeping;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Deletes what the shared tables no longer need: published outbox rows, inbox rows and Idempotency-Key records past
 * their retention ({@link HousekeepingConfig}). Unpublished outbox rows are never touched. Replica-safe: a pass runs
 * only while it holds this database's housekeeping advisory lock, so with several replicas one of them does the
 * work and the others skip that round; each batch is its own short transaction.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    /** Arbitrary constant naming "housekeeping" among this database's advisory locks. */
    public static final long HOUSEKEEPING_LOCK = 0x0E1A7_4005EL;

    /** One table's purge: the batch delete of its expired rows (:cutoff, :n bound per batch) and its retention. */
    private record Purge(String table, String statement, Function<HousekeepingConfig, Duration> retention) {
    }

    private static final List<Purge> PURGES = List.of(
            new Purge("outbox_event", "DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event "
                    + "WHERE published_at IS NOT NULL AND published_at < :cutoff LIMIT :n)",
                    HousekeepingConfig::publishedOutboxRetention),
            new Purge("inbox_event", "DELETE FROM inbox_event WHERE ctid IN (SELECT ctid FROM inbox_event "
                    + "WHERE received_at < :cutoff LIMIT :n)", HousekeepingConfig::inboxRetention),
            new Purge("idempotency_record", "DELETE FROM idempotency_record WHERE ctid IN (SELECT ctid "
                    + "FROM idempotency_record WHERE created_at < :cutoff LIMIT :n)",
                    HousekeepingConfig::idempotencyRetention));

    @Inject
    EntityManager em;

    @Inject
    HousekeepingConfig config;

    @Inject
    MeterRegistry registry;

    @Scheduled(identity = "housekeeping", every = "${expat.housekeeping.every}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf("housekeeping skipped this round: %s", e.toString());
        }
    }

    /** One pass over every table; returns the rows deleted per table (empty if another replica is at it). */
    public Map<String, Integer> purge() {
        Map<String, Integer> purged = new LinkedHashMap<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Purge purge : PURGES) {
            OffsetDateTime cutoff = now.minus(purge.retention().apply(config));
            int total = 0;
            int deleted;
            do {
                Integer batch = QuarkusTransaction.requiringNew().call(() -> deleteBatch(purge.statement(), cutoff));
                if (batch == null) {
                    return purged; // another replica holds the lock: it does this round
                }
                deleted = batch;
                total += deleted;
            } while (deleted == config.batchSize());
            purged.put(purge.table(), total);
            if (total > 0) {
                purgedCounter(purge.table()).increment(total);
                LOG.infof("housekeeping deleted %d rows of %s older than %s", total, purge.table(), cutoff);
            }
        }
        return purged;
    }

    /** Deletes one batch inside the caller's transaction; null when another replica holds the lock. */
    private Integer deleteBatch(String statement, OffsetDateTime cutoff) {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", HOUSEKEEPING_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return null;
        }
        return em.createNativeQuery(statement)
                .setParameter("cutoff", cutoff).setParameter("n", config.batchSize())
                .executeUpdate();
    }

    private Counter purgedCounter(String table) {
        return Counter.builder("expat.housekeeping.purged")
                .description("Rows of the shared outbox, inbox and idempotency tables deleted after their retention")
                .tag("table", table)
                .register(registry);
    }
}
