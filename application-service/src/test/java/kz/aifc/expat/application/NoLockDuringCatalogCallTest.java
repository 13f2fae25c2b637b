package kz.aifc.expat.application;

import io.agroal.api.AgroalDataSource;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import kz.aifc.expat.application.client.WorkingCalendar;
import kz.aifc.expat.testing.TcpForwarder;
import kz.aifc.expat.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static kz.aifc.expat.application.Api.*;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #15: no remote call inside a transaction that holds row locks. The completed visit starts the deadline, whose due
 * date is catalog-service's working-day arithmetic: while the catalog is slow to answer, the application row stays
 * free (an officer's action on the case is not queued behind it); once it answers, the due date is set.
 */
@QuarkusTest
@TestProfile(CatalogBehindForwarder.class)
class NoLockDuringCatalogCallTest {

    private final TcpForwarder catalog = new TcpForwarder("catalog", URI.create(CatalogBehindForwarder.CATALOG_URL));

    @Inject
    AgroalDataSource db;

    @Inject
    @CacheName(WorkingCalendar.CACHE)
    Cache workingDays;

    @BeforeEach
    void open() throws Exception {
        catalog.open();
        ensureCompanies();
    }

    @AfterEach
    void close() throws Exception {
        catalog.close();
    }

    @Test
    void theApplicationRowIsFreeWhileTheCatalogComputesTheDueDate() throws Exception {
        String app = bookedAcme();
        String appointmentId = as(Tokens.officer()).get("/api/v1/applications/" + app).then().statusCode(200)
                .extract().path("appointment.appointmentId");
        workingDays.invalidateAll().await().indefinitely();
        catalog.hold();
        try {
            appointment("appointment.completed", app, appointmentId, UUID.randomUUID().toString());
            assertTrue(catalog.awaitHeldRequest(30), "the completed visit asks the catalog for the due date");
            // free at every probe for a second while the catalog's answer is held back (atMost barely above during: one
            // busy probe and the second cannot be completed in time)
            Awaitility.await("the application row stays free while the catalog is asked")
                    .during(Duration.ofSeconds(1)).atMost(Duration.ofMillis(1200)).pollInterval(Duration.ofMillis(100))
                    .until(() -> rowFree(app));
        } finally {
            catalog.release();
        }
        awaitState(app, "ORIGINALS_RECEIVED");
        as(Tokens.officer()).get("/api/v1/applications/" + app).then().statusCode(200)
                .body("dueDate", is(addWorkingDays(TODAY, processingDays("work-visa-issuance")).toString()));
    }

    /** Locks the row from a transaction of our own (then rolled back); false if another transaction holds it. */
    private boolean rowFree(String app) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT id FROM application WHERE id = ? FOR UPDATE NOWAIT")) {
                lock.setObject(1, UUID.fromString(app));
                lock.executeQuery().close();
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
