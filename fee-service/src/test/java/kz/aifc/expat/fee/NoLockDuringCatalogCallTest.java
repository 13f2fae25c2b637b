package kz.aifc.expat.fee;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import kz.aifc.expat.fee.service.TariffCatalog;
import kz.aifc.expat.testing.TcpForwarder;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static kz.aifc.expat.fee.Fixtures.ACME;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #15: no remote call inside a transaction that holds locks. While catalog-service is slow to give the tariffs of a
 * submitted application, the event being handled holds nothing in the database: another consumer (a second replica)
 * could record the same event id at once. Once the catalog answers, the invoice is issued with its tariffs.
 */
@QuarkusTest
@TestProfile(CatalogOutageTest.CatalogDown.class)
class NoLockDuringCatalogCallTest {

    @Inject
    TariffCatalog catalog;

    @Inject
    AgroalDataSource db;

    @Test
    void aSubmittedApplicationHoldsNoLockWhileTheCatalogIsAskedForItsTariffs() throws Exception {
        try (TcpForwarder forwarder = new TcpForwarder("catalog", URI.create(CatalogOutageTest.CATALOG_URL))) {
            forwarder.open();
            catalog.invalidateAll();
            forwarder.hold();
            String eventId = UUID.randomUUID().toString();
            String app;
            try {
                app = Fixtures.submit(ACME, "work-visa-invitation", Fixtures.Person.random(), null, List.of(),
                        "2026-03-02T10:15:00+05:00", eventId);
                assertTrue(forwarder.awaitHeldRequest(30), "the submitted event asks the catalog for its tariffs");
                // free at every probe for a second while the catalog's answer is held back (atMost barely above during: one
                // busy probe and the second cannot be completed in time)
                await("the event's inbox row stays free while the catalog is asked").during(Duration.ofSeconds(1))
                        .atMost(Duration.ofMillis(1200)).pollInterval(Duration.ofMillis(100))
                        .until(() -> inboxRowFree(eventId));
            } finally {
                forwarder.release();
            }
            String invoice = Fixtures.awaitInvoice(app);
            Fixtures.invoice(Tokens.officer(), invoice).statusCode(200).body("applicationId", equalTo(app));
        }
    }

    /** Records the event id from a transaction of our own (then rolled back); false if that has to wait. */
    private boolean inboxRowFree(String eventId) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '300ms'");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO inbox_event (consumer, event_id, "
                    + "event_type, received_at) VALUES ('fee-service', ?, 'application.submitted', now()) "
                    + "ON CONFLICT DO NOTHING")) {
                insert.setString(1, eventId);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            } finally {
                c.rollback();
            }
        }
    }
}
