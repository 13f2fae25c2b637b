package kz.aifc.expat.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.housekeeping.Housekeeping;
import kz.aifc.expat.defaults.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Housekeeping of the shared tables (service-defaults, #17/#18), as every service runs it, here on the catalog's
 * database: published outbox rows older than 7 days, inbox rows older than 30 days and Idempotency-Key records older
 * than 1 day are deleted, in batches; an unpublished outbox row is kept however old it is; while another replica
 * holds the housekeeping lock, a pass deletes nothing. Batches of 2 here, so every purge takes several.
 */
@QuarkusTest
@TestProfile(HousekeepingTest.SmallBatches.class)
class HousekeepingTest {

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("expat.housekeeping.batch-size", "2");
        }
    }

    @Inject
    Housekeeping housekeeping;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    Scheduler scheduler;

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    @Test
    void rowsPastTheirRetentionAreDeletedAndTheRestKept() throws SQLException {
        // the relay must not publish the test's unpublished row (to a topic that does not exist): hold its lock, as
        // another replica relaying would
        try (Connection relay = dataSource.getConnection(); Statement st = relay.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + OutboxRelay.RELAY_LOCK + ")");
            try {
                purgeWhileTheRelayIsHeld();
            } finally {
                st.execute("SELECT pg_advisory_unlock(" + OutboxRelay.RELAY_LOCK + ")");
            }
        }
    }

    private void purgeWhileTheRelayIsHeld() throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID[] oldPublished = new UUID[5];
        for (int i = 0; i < oldPublished.length; i++) {
            oldPublished[i] = outbox(tag, NOW.minusDays(9), NOW.minusDays(8));
        }
        UUID freshPublished = outbox(tag, NOW.minusDays(6), NOW.minusDays(6).plusSeconds(1));
        UUID oldUnpublished = outbox(tag, NOW.minusDays(40), null);
        for (int i = 0; i < 3; i++) {
            inbox(tag + "-old-" + i, NOW.minusDays(31));
        }
        inbox(tag + "-fresh", NOW.minusDays(29));
        idempotency(tag + "-old", NOW.minus(Duration.ofHours(25)));
        idempotency(tag + "-fresh", NOW.minus(Duration.ofHours(23)));
        double before = purged("outbox_event");

        Map<String, Integer> purged = housekeeping.purge();

        assertTrue(purged.get("outbox_event") >= 5 && purged.get("inbox_event") >= 3
                && purged.get("idempotency_record") >= 1, "rows deleted per table: " + purged);
        for (UUID id : oldPublished) {
            assertFalse(outboxExists(id), "a published outbox row 8 days old is deleted");
        }
        assertTrue(outboxExists(freshPublished), "a published outbox row 6 days old is kept");
        assertTrue(outboxExists(oldUnpublished), "an unpublished outbox row is kept however old");
        assertEquals(0, count("SELECT count(*) FROM inbox_event WHERE event_id LIKE ?", tag + "-old-%"));
        assertEquals(1, count("SELECT count(*) FROM inbox_event WHERE event_id = ?", tag + "-fresh"));
        assertEquals(0, count("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", tag + "-old"));
        assertEquals(1, count("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", tag + "-fresh"));
        assertEquals(before + purged.get("outbox_event"), purged("outbox_event"),
                "expat_housekeeping_purged_total{table=outbox_event} counts the deleted rows");
        delete("DELETE FROM outbox_event WHERE event_key = ?", tag);
    }

    @Test
    void aPassDeletesNothingWhileAnotherReplicaHoldsTheLock() throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID old = outbox(tag, NOW.minusDays(9), NOW.minusDays(8));
        try (Connection otherReplica = dataSource.getConnection(); Statement st = otherReplica.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + Housekeeping.HOUSEKEEPING_LOCK + ")");
            try {
                assertTrue(housekeeping.purge().isEmpty(), "the pass yields to the replica holding the lock");
                assertTrue(outboxExists(old));
            } finally {
                st.execute("SELECT pg_advisory_unlock(" + Housekeeping.HOUSEKEEPING_LOCK + ")");
            }
        }
        housekeeping.purge();
        assertFalse(outboxExists(old), "once the lock is free, the next pass deletes the row");
    }

    @Test
    void housekeepingIsScheduled() {
        assertNotNull(scheduler.getScheduledJob("housekeeping"), "the housekeeping job is registered");
    }

    private double purged(String table) {
        var counter = registry.find("expat.housekeeping.purged").tag("table", table).counter();
        return counter == null ? 0 : counter.count();
    }

    private UUID outbox(String tag, OffsetDateTime occurredAt, OffsetDateTime publishedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox_event (id, topic, event_type, event_key, payload, occurred_at, published_at) "
                        + "VALUES (?, 'expat.housekeeping-test', 'test.event', ?, '{}', ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, tag);
            ps.setObject(3, occurredAt);
            ps.setObject(4, publishedAt);
            ps.executeUpdate();
        }
        return id;
    }

    private void inbox(String eventId, OffsetDateTime receivedAt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO inbox_event (consumer, event_id, event_type, received_at) "
                        + "VALUES ('housekeeping-test', ?, 'test.event', ?)")) {
            ps.setString(1, eventId);
            ps.setObject(2, receivedAt);
            ps.executeUpdate();
        }
    }

    private void idempotency(String key, OffsetDateTime createdAt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO idempotency_record (caller, idempotency_key, operation, request_hash, response_status, "
                        + "created_at) VALUES ('housekeeping-test', ?, 'test', 'hash', 201, ?)")) {
            ps.setString(1, key);
            ps.setObject(2, createdAt);
            ps.executeUpdate();
        }
    }

    private boolean outboxExists(UUID id) throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE id = CAST(? AS uuid)", id.toString()) == 1;
    }

    private void delete(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            ps.executeUpdate();
        }
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
