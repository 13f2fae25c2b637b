package kz.aifc.expat.notification;

import kz.aifc.expat.testing.Mailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.notification.model.NotificationJob;
import kz.aifc.expat.testing.TcpForwarder;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.notification.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Real outages: the SMTP server and application-service are reached through local ports where nothing listens
 * ({@link TcpForwarder}, closed = connection refused) until the test opens them onto the real GreenMail and the real
 * application-service. Nothing is lost, the failures are visible, the API never answers 5xx.
 */
@QuarkusTest
@TestProfile(OutageTest.ThroughForwarders.class)
class OutageTest {

    public static class ThroughForwarders implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.port", Integer.toString(TcpForwarder.port("smtp")),
                    "quarkus.rest-client.application.url", TcpForwarder.url("application"));
        }
    }

    static final TcpForwarder SMTP = new TcpForwarder("smtp", URI.create("http://127.0.0.1:3025"));
    static final TcpForwarder APP = new TcpForwarder("application", URI.create(APPLICATION));

    @Inject
    EntityManager em;

    @BeforeAll
    static void setUp() throws Exception {
        ensureCompanies();
        APP.open();
    }

    @AfterAll
    static void tearDown() throws Exception {
        SMTP.close();
        APP.close();
    }

    @Test
    void smtpDownMessagesStayQueuedWithTheErrorAndAreSentOnceItIsBack() throws Exception {
        SMTP.close();
        String to = Mailbox.fresh("smtp-outage");
        contacts(ACME, to, "ru");
        String app = UUID.randomUUID().toString();
        inject("expat.application", "application.completed", app, completedEvent(app, ACME, null,
                UUID.randomUUID().toString(), "2027-12-31"));
        eventually().untilAsserted(() -> api(Tokens.hrAcme()).queryParam("applicationId", app)
                .get("/api/v1/notifications").then().statusCode(200).body("items[0].status", is("QUEUED"))
                .body("items[0].attempts", greaterThanOrEqualTo(2)).body("items[0].lastError", notNullValue())
                .body("items[0].nextAttemptAt", notNullValue()).body("items[0].sentAt", nullValue()));
        assertTrue(Mailbox.read(to).isEmpty());

        SMTP.open();
        Mailbox.Received mail = Mailbox.one(to);
        assertEquals("Заявка " + app.substring(0, 8) + " выполнена", mail.subject());
        eventually().untilAsserted(() -> api(Tokens.hrAcme()).queryParam("applicationId", app)
                .get("/api/v1/notifications").then().statusCode(200).body("items[0].status", is("SENT"))
                .body("items[0].lastError", nullValue()).body("items[0].smtpMessageId", notNullValue()));
        assertEquals(1, Mailbox.read(to).size(), "sent once");
    }

    @Test
    void applicationServiceDownTheEventWaitsAndIsComposedWhenItIsBack() throws Exception {
        SMTP.open();
        String to = Mailbox.fresh("app-outage");
        contacts(ACME, to, "kk");
        APP.close();
        try {
            String app = UUID.randomUUID().toString();
            String event = inject("expat.application", "application.rejected", app, rejectedEvent(app, ACME, "no",
                    "OTHER"));
            eventually().untilAsserted(() -> {
                NotificationJob job = QuarkusTransaction.requiringNew().call(() -> NotificationJob.findById(event));
                assertNotNull(job, "the event is kept as a job while its recipients cannot be read");
                assertEquals(NotificationJob.PENDING, job.status);
                assertTrue(job.attempts >= 2, "retried: " + job.attempts);
                assertTrue(job.lastError.contains("unavailable"), job.lastError);
            });
            assertTrue(Mailbox.read(to).isEmpty());
        } finally {
            APP.open();
        }
        Mailbox.Received mail = Mailbox.one(to);
        assertTrue(mail.subject().endsWith(" өтінімі қабылданбады"), mail.subject());
    }
}
