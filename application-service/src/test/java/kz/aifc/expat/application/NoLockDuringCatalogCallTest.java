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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static kz.aifc.expat.application.Api.*;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
            for (int probe = 0; probe < 5; probe++) {
                assertRowFree(app);
                Thread.sleep(200);
            }
        } finally {
            catalog.release();
        }
        awaitState(app, "ORIGINALS_RECEIVED");
        as(Tokens.officer()).get("/api/v1/applications/" + app).then().statusCode(200)
                .body("dueDate", is(addWorkingDays(TODAY, processingDays("work-visa-issuance")).toString()));
    }

    private void assertRowFree(String app) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT id FROM application WHERE id = ? FOR UPDATE NOWAIT")) {
                lock.setObject(1, UUID.fromString(app));
                lock.executeQuery().close();
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) {
                    fail("the event's transaction holds the application row while the catalog is asked");
                }
                throw e;
            } finally {
                c.rollback();
            }
        }
    }
}
