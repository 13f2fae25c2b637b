package kz.aifc.expat.notification;

import kz.aifc.expat.testing.Receiver;
import kz.aifc.expat.testing.Mailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.testing.Receiver.Mode;
import kz.aifc.expat.testing.TestTopics;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static kz.aifc.expat.notification.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Two replicas on one database and one consumer group: the test's own instance and a second notification-service
 * process started from the packaged application (failsafe runs this after {@code package}). Each e-mail and each
 * webhook is sent once; killing the second replica with SIGKILL in the middle of its deliveries loses nothing.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaIT {

    static Process replica;
    static int replicaPort;
    /** The replica's management interface (health, metrics). */
    static int managementPort;
    static final Receiver RECEIVER = receiver();

    @Inject
    EntityManager em;

    static Receiver receiver() {
        try {
            return new Receiver();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void secondReplica() throws Exception {
        ensureCompanies();
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "the packaged application is needed (failsafe runs after package): " + jar);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket m = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            replicaPort = s.getLocalPort();
            managementPort = m.getLocalPort();
        }
        String prefix = TestTopics.prefix();
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-XX:+UseSerialGC",
                "-Dexpat.kafka.topic-prefix=" + prefix,
                "-Dquarkus.http.port=" + replicaPort, "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/notification_test",
                "-Dexpat.notification.mail.lease=PT30S", "-Dexpat.notification.compose.lease=PT15S",
                "-Dexpat.notification.mail.backoff-max=PT1S",
                "-Dexpat.notification.webhooks.retry-schedule=PT0.5S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S",
                "-jar", jar.toAbsolutePath().toString());
        pb.environment().put("KAFKA_GROUP_ID", prefix + "notification-service-test");
        pb.redirectErrorStream(true).redirectOutput(new File("target/replica-2.log"));
        replica = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        org.awaitility.Awaitility.await().alias("second replica ready").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                    assertTrue(replica.isAlive(), "the second replica exited: see target/replica-2.log");
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                            + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    @AfterAll
    static void stop() {
        if (replica != null) {
            replica.destroyForcibly();
        }
        RECEIVER.close();
    }

    static List<String> burst(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String app = UUID.randomUUID().toString();
            ids.add(inject("expat.application", "application.rejected", app, rejectedEvent(app, ACME, "replica " + i,
                    "OTHER")));
        }
        return ids;
    }

    long count(String sql, List<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("ids", ids).getSingleResult()).longValue());
    }

    long delivered(String endpoint, List<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM "
                        + "webhook_delivery WHERE endpoint_id = :endpoint AND event_id IN (:ids) AND status = 'SUCCEEDED'")
                .setParameter("endpoint", UUID.fromString(endpoint)).setParameter("ids", ids).getSingleResult())
                .longValue());
    }

    @Test
    @Order(1)
    void twoReplicasSendEachMailAndEachWebhookOnce() throws Exception {
        String to = Mailbox.fresh("replicas");
        contacts(ACME, to, "en");
        String endpoint = api(Tokens.hrAcme()).body(Map.of("url", RECEIVER.url(), "eventTypes",
                List.of("application.rejected"))).post("/api/v1/webhooks").then().statusCode(201).extract()
                .path("id");
        List<String> events = burst(20);
        // once every row is done, nothing can be sent any more: the counts below are final
        eventually().atMost(Duration.ofSeconds(120)).until(() -> count("SELECT count(*) FROM notification WHERE "
                + "event_id IN (:ids) AND status = 'SENT'", events) == 20
                && delivered(endpoint, events) == 20);
        assertEquals(20, Mailbox.read(to).size(), "each e-mail once");
        List<String> received = RECEIVER.requests().stream().map(Receiver.Request::id).filter(events::contains)
                .toList();
        assertEquals(20, received.size(), "each webhook once: " + received);
        assertEquals(Set.copyOf(events), Set.copyOf(received));
        // the second replica took part
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + managementPort + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.lines().anyMatch(l -> (l.startsWith("expat_notification_mail_sent_total")
                        || l.startsWith("expat_notification_webhook_delivered_total")) && !l.endsWith(" 0.0")),
                "replica 2 sent something:\n" + metrics.lines().filter(l -> l.startsWith("expat_notification"))
                        .collect(Collectors.joining("\n")));
        api(Tokens.hrAcme()).delete("/api/v1/webhooks/" + endpoint).then().statusCode(204);
    }

    @Test
    @Order(2)
    void killingAReplicaMidDeliveryLosesNothing() throws Exception {
        String to = Mailbox.fresh("killed");
        contacts(ACME, to, "ru");
        RECEIVER.mode(Mode.SLOW);
        String endpoint = api(Tokens.hrAcme()).body(Map.of("url", RECEIVER.url(), "eventTypes",
                List.of("application.rejected"))).post("/api/v1/webhooks").then().statusCode(201).extract()
                .path("id");
        List<String> events = burst(30);
        eventually().until(() -> RECEIVER.accepted().stream().filter(r -> events.contains(r.id())).count() >= 3);
        replica.destroyForcibly(); // SIGKILL: no shutdown hook, no lease released, no offset committed
        replica.waitFor();
        eventually().atMost(Duration.ofSeconds(180)).until(() -> count("SELECT count(*) FROM notification WHERE "
                + "event_id IN (:ids) AND status = 'SENT'", events) == 30
                && delivered(endpoint, events) == 30);
        Set<String> received = RECEIVER.accepted().stream().map(Receiver.Request::id).filter(events::contains)
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(events), received, "every webhook arrived (a duplicate is allowed, a loss is not)");
        assertEquals(30, count("SELECT count(DISTINCT event_id) FROM notification WHERE event_id IN (:ids)", events));
        assertTrue(Mailbox.read(to).size() >= 30, "every e-mail arrived");
        api(Tokens.hrAcme()).delete("/api/v1/webhooks/" + endpoint).then().statusCode(204);
    }
}
