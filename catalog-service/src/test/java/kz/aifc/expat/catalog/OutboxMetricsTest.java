package kz.aifc.expat.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.outbox.OutboxMetrics;
import kz.aifc.expat.defaults.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox backlog gauges of service-defaults (#17), on the catalog's database: an event that waits to be
 * published shows in expat_outbox_backlog_events and, by its age, in expat_outbox_oldest_age_seconds.
 */
@QuarkusTest
class OutboxMetricsTest {

    @Inject
    OutboxMetrics metrics;

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    @Test
    void anEventWaitingTenMinutesShowsInTheBacklogAndItsAge() throws SQLException {
        UUID id = UUID.randomUUID();
        // hold the relay's lock, as a replica relaying would, so the event stays unpublished while we look
        try (Connection relay = dataSource.getConnection(); Statement st = relay.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + OutboxRelay.RELAY_LOCK + ")");
            try {
                try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO outbox_event (id, topic, event_type, event_key, payload, occurred_at) "
                                + "VALUES (?, 'expat.metrics-test', 'test.event', 'k', '{}', ?)")) {
                    ps.setObject(1, id);
                    ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10));
                    ps.executeUpdate();
                }
                metrics.sample();
                assertTrue(gauge("expat.outbox.backlog") >= 1, "backlog " + gauge("expat.outbox.backlog"));
                double age = gauge("expat.outbox.oldest.age");
                assertTrue(age >= 600 && age < 3600, "the oldest event waited about 10 minutes: " + age);
            } finally {
                try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM outbox_event WHERE id = ?")) {
                    ps.setObject(1, id);
                    ps.executeUpdate();
                }
                st.execute("SELECT pg_advisory_unlock(" + OutboxRelay.RELAY_LOCK + ")");
            }
        }
        metrics.sample();
        assertTrue(gauge("expat.outbox.oldest.age") < 600, "once published or gone, the age drops");
        assertEquals("Seconds the oldest unpublished outbox event has waited (0 when none waits)",
                registry.find("expat.outbox.oldest.age").gauge().getId().getDescription(), "the HELP text");
    }

    private double gauge(String name) {
        return registry.find(name).gauge().value();
    }
}
