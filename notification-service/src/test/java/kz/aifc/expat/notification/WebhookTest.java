package kz.aifc.expat.notification;

import kz.aifc.expat.testing.Receiver;
import kz.aifc.expat.testing.Mailbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.testing.Receiver.Mode;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static kz.aifc.expat.notification.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Webhooks end to end: real HTTP receivers started by the test on 127.0.0.1, events injected into this run's topics,
 * signatures checked by the Standard Webhooks reference library (node), failures of every kind retried and logged.
 */
@QuarkusTest
class WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Receiver> receivers = new ArrayList<>();

    @Inject
    EntityManager em;

    @BeforeAll
    static void companies() {
        ensureCompanies();
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(Receiver::close);
    }

    Receiver receiver() throws Exception {
        Receiver r = new Receiver();
        receivers.add(r);
        return r;
    }

    static Response create(String token, String url, String... types) {
        return api(token).body(Map.of("url", url, "eventTypes", List.of(types), "description", "HR system"))
                .post("/api/v1/webhooks");
    }

    static String statusChanged(String app, String bin, String to) {
        return "{\"applicationId\":\"" + app + "\",\"companyBin\":\"" + bin + "\",\"serviceCode\":"
                + "\"work-visa-issuance\",\"from\":\"SUBMITTED\",\"to\":\"" + to + "\",\"actor\":\"officer1\","
                + "\"at\":\"" + now() + "\",\"comment\":null}";
    }

    static String injectStatus(String app, String bin, String to) {
        return inject("expat.application", "application.status-changed", app, statusChanged(app, bin, to));
    }

    @Test
    void deliveriesAreCloudEventsSignedPerStandardWebhooksAndOnlyForSubscribedTypesOfTheOwnCompany()
            throws Exception {
        Receiver r = receiver();
        Response created = create(Tokens.partnerAcme(), r.url(), "application.status-changed", "invoice.issued");
        created.then().statusCode(201).contentType("application/json").body("companyBin", is(ACME))
                .body("secret", startsWith("whsec_")).body("enabled", is(true))
                .body("eventTypes", contains("application.status-changed", "invoice.issued"))
                .header("Location", containsString("/api/v1/webhooks/"));
        String id = created.path("id");
        String secret = created.path("secret");

        String app = UUID.randomUUID().toString();
        String subscribed = injectStatus(app, ACME, "UNDER_REVIEW");
        inject("expat.document", "documents.approved", app, "{\"applicationId\":\"" + app + "\",\"companyBin\":\""
                + ACME + "\",\"serviceCode\":\"work-visa-issuance\",\"round\":1,\"approvedAt\":\"" + now() + "\"}");
        injectStatus(UUID.randomUUID().toString(), GLOBEX, "UNDER_REVIEW");
        // a later subscribed event of the same application: everything before it was consumed
        String invoice = inject("expat.fee", "invoice.issued", app, "{\"invoiceId\":\"" + UUID.randomUUID()
                + "\",\"applicationId\":\"" + app + "\",\"companyBin\":\"" + ACME + "\",\"total\":1000.00,"
                + "\"currency\":\"KZT\"}");
        eventually().until(() -> r.accepted().size() >= 2);
        List<Receiver.Request> got = r.accepted();
        assertEquals(List.of(subscribed, invoice), got.stream().map(Receiver.Request::id).toList());

        Receiver.Request first = got.get(0);
        JsonNode ce = JSON.readTree(first.body());
        assertEquals("1.0", ce.get("specversion").asText());
        assertEquals(subscribed, ce.get("id").asText());
        assertEquals("application.status-changed", ce.get("type").asText());
        assertEquals("urn:expat:test", ce.get("source").asText());
        assertEquals(app, ce.get("subject").asText());
        assertEquals("application/json", ce.get("datacontenttype").asText());
        assertEquals("UNDER_REVIEW", ce.get("data").get("to").asText());
        assertTrue(first.contentType().startsWith("application/cloudevents+json"));
        assertTrue(first.signature().matches("v1,[A-Za-z0-9+/=]+"), first.signature());

        List<StandardWebhooks.Result> checks = StandardWebhooks.verify(List.of(
                new StandardWebhooks.Check(secret, Receiver.headers(first), first.body()),
                new StandardWebhooks.Check(secret, Receiver.headers(got.get(1)), got.get(1).body()),
                // the reference library is not a rubber stamp: a changed body or another secret fails
                new StandardWebhooks.Check(secret, Receiver.headers(first), first.body().replace("UNDER_REVIEW",
                        "COMPLETED")),
                new StandardWebhooks.Check("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                        Receiver.headers(first), first.body())));
        assertTrue(checks.get(0).ok(), checks.get(0).error());
        assertTrue(checks.get(1).ok(), checks.get(1).error());
        assertFalse(checks.get(2).ok());
        assertFalse(checks.get(3).ok());

        // the secret is shown once: never in reads
        api(Tokens.partnerAcme()).get("/api/v1/webhooks/" + id).then().statusCode(200).body("secret", nullValue())
                .body("url", is(r.url()));
        api(Tokens.hrAcme()).get("/api/v1/webhooks").then().statusCode(200).body("id", hasItem(id))
                .body("secret", everyItem(nullValue()));
        api(Tokens.partnerAcme()).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("total", is(2)).body("items.status", everyItem(is("SUCCEEDED")))
                .body("items.lastStatusCode", everyItem(is(204))).body("items.webhookId", hasItems(subscribed, invoice));
        api(Tokens.partnerAcme()).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void theCaseOutcomeAndDeadlineEventsCanBeSubscribedToAndArriveSigned() throws Exception {
        Receiver r = receiver();
        List<String> types = List.of("application.completed", "application.rejected",
                "application.deadline-recomputed", "document.outcome-uploaded");
        Response created = create(Tokens.partnerAcme(), r.url(), types.toArray(String[]::new));
        created.then().statusCode(201).body("eventTypes", containsInAnyOrder(types.toArray()));
        String secret = created.path("secret");
        String app = UUID.randomUUID().toString();
        String document = UUID.randomUUID().toString();
        Set<String> sent = new LinkedHashSet<>();
        sent.add(inject("expat.document", "document.outcome-uploaded", app, "{\"applicationId\":\"" + app
                + "\",\"companyBin\":\"" + ACME + "\",\"documentId\":\"" + document + "\",\"filename\":"
                + "\"visa.pdf\",\"contentType\":\"application/pdf\",\"size\":1234,\"sha256\":\"" + "ab".repeat(32)
                + "\",\"uploadedAt\":\"" + now() + "\"}"));
        sent.add(inject("expat.application", "application.deadline-recomputed", app, "{\"applicationId\":\"" + app
                + "\",\"companyBin\":\"" + ACME + "\",\"previousDueDate\":\"2026-12-20\",\"dueDate\":"
                + "\"2026-12-21\",\"changedDay\":\"2026-12-16\",\"at\":\"" + now() + "\"}"));
        sent.add(inject("expat.application", "application.completed", app, completedEvent(app, ACME, null, document,
                "2027-12-31")));
        String other = UUID.randomUUID().toString();
        sent.add(inject("expat.application", "application.rejected", other, rejectedEvent(other, ACME, "no",
                "OTHER")));
        eventually().until(() -> r.accepted().size() >= 4);
        List<Receiver.Request> got = r.accepted();
        assertEquals(sent, new LinkedHashSet<>(got.stream().map(Receiver.Request::id).toList()));
        Set<String> seenTypes = new LinkedHashSet<>();
        JsonNode completed = null;
        for (Receiver.Request request : got) {
            JsonNode ce = JSON.readTree(request.body());
            seenTypes.add(ce.get("type").asText());
            completed = ce.get("type").asText().equals("application.completed") ? ce : completed;
        }
        assertEquals(Set.copyOf(types), seenTypes);
        List<StandardWebhooks.Check> checks = got.stream().map(g -> new StandardWebhooks.Check(secret,
                Receiver.headers(g), g.body())).toList();
        for (StandardWebhooks.Result result : StandardWebhooks.verify(checks)) {
            assertTrue(result.ok(), result.error());
        }
        assertNotNull(completed);
        assertEquals("2027-12-31", completed.get("data").get("outcome").get("validUntil").asText());
    }

    @Test
    void duringASecretRotationBothSecretsSignAndAfterTheOverlapOnlyTheNewOne() throws Exception {
        Receiver r = receiver();
        Response created = create(Tokens.hrAcme(), r.url(), "application.status-changed");
        String id = created.path("id");
        String oldSecret = created.path("secret");
        Response rotated = api(Tokens.hrAcme()).body(Map.of("overlap", "PT1H"))
                .post("/api/v1/webhooks/" + id + "/rotate-secret");
        rotated.then().statusCode(200).body("secret", startsWith("whsec_")).body("previousSecretValidUntil",
                notNullValue());
        String newSecret = rotated.path("secret");
        assertNotEquals(oldSecret, newSecret);

        injectStatus(UUID.randomUUID().toString(), ACME, "UNDER_REVIEW");
        eventually().until(() -> r.accepted().size() >= 1);
        Receiver.Request during = r.accepted().get(0);
        assertEquals(2, during.signature().split(" ").length, during.signature());
        assertTrue(StandardWebhooks.valid(oldSecret, during), "a receiver still on the old secret accepts it");
        assertTrue(StandardWebhooks.valid(newSecret, during), "a receiver already on the new secret accepts it");

        // end the overlap at once: only the newest secret signs
        String newest = api(Tokens.hrAcme()).body(Map.of("overlap", "PT0S"))
                .post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(200).extract().path("secret");
        injectStatus(UUID.randomUUID().toString(), ACME, "UNDER_REVIEW");
        eventually().until(() -> r.accepted().size() >= 2);
        Receiver.Request after = r.accepted().get(1);
        assertEquals(1, after.signature().split(" ").length, after.signature());
        assertTrue(StandardWebhooks.valid(newest, after));
        assertFalse(StandardWebhooks.valid(newSecret, after), "the rotated-out secret no longer signs");
        assertFalse(StandardWebhooks.valid(oldSecret, after));
        api(Tokens.hrAcme()).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void aReceiverFailingForAWhileGetsEveryDeliveryOnceItRecoversInPerApplicationOrder() throws Exception {
        Receiver r = receiver().mode(Mode.ERROR_500);
        Response created = create(Tokens.partnerAcme(), r.url(), "application.status-changed");
        String id = created.path("id");
        String secret = created.path("secret");
        String app1 = UUID.randomUUID().toString();
        String app2 = UUID.randomUUID().toString();
        List<String> app1Events = new ArrayList<>();
        app1Events.add(injectStatus(app1, ACME, "UNDER_REVIEW"));
        String other = injectStatus(app2, ACME, "UNDER_REVIEW");
        app1Events.add(injectStatus(app1, ACME, "IN_PROCESSING"));
        app1Events.add(injectStatus(app1, ACME, "ORIGINALS_RECEIVED"));

        // failing: retried, visible in the log with the receiver's status and answer
        eventually().until(() -> r.requests().size() >= 4);
        assertTrue(r.accepted().isEmpty());
        eventually().untilAsserted(() -> api(Tokens.partnerAcme()).queryParam("status", "PENDING")
                .get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items.findAll { it.webhookId == '" + app1Events.get(0) + "' }[0].lastStatusCode", is(500))
                .body("items.findAll { it.webhookId == '" + app1Events.get(0) + "' }[0].lastResponseExcerpt",
                        containsString("receiver broke"))
                .body("items.findAll { it.webhookId == '" + app1Events.get(0) + "' }[0].nextAttemptAt",
                        notNullValue()));
        // while the first of app1 fails, its followers wait (order), the other application's is tried on its own
        assertTrue(r.requests().stream().noneMatch(q -> q.id().equals(app1Events.get(1))
                || q.id().equals(app1Events.get(2))), "app1's later events are held back behind its first");
        assertTrue(r.requests().stream().anyMatch(q -> q.id().equals(other)));

        r.mode(Mode.OK);
        eventually().until(() -> r.accepted().stream().map(Receiver.Request::id).distinct().count() >= 4);
        List<String> acceptedIds = r.accepted().stream().map(Receiver.Request::id).toList();
        assertEquals(Set.of(app1Events.get(0), app1Events.get(1), app1Events.get(2), other),
                new LinkedHashSet<>(acceptedIds));
        assertEquals(app1Events, acceptedIds.stream().filter(app1Events::contains).distinct().toList(),
                "one application's events arrive in order");
        for (Receiver.Request q : r.requests()) {
            assertTrue(StandardWebhooks.valid(secret, q), "every attempt is signed: " + q.id());
        }
        // the webhook-id is the same on every attempt of one event
        assertTrue(r.requests().stream().filter(q -> q.id().equals(app1Events.get(0))).count() >= 2);

        String delivery = api(Tokens.partnerAcme()).get("/api/v1/webhooks/" + id + "/deliveries").then()
                .statusCode(200).body("total", is(4)).body("items.status", everyItem(is("SUCCEEDED")))
                .extract().jsonPath().getString("items.find { it.webhookId == '" + app1Events.get(0) + "' }.id");
        api(Tokens.partnerAcme()).get("/api/v1/webhooks/" + id + "/deliveries/" + delivery).then().statusCode(200)
                .body("attemptLog.size()", greaterThanOrEqualTo(2))
                .body("attemptLog[0].statusCode", is(500)).body("attemptLog[-1].statusCode", is(204))
                .body("attemptLog.latencyMs", everyItem(greaterThanOrEqualTo(0)));
        api(Tokens.partnerAcme()).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void aHangingReceiverDoesNotDelayDeliveriesToAnotherEndpoint() throws Exception {
        Receiver hanging = receiver().mode(Mode.HANG);
        Receiver healthy = receiver();
        String slow = create(Tokens.hrAcme(), hanging.url(), "application.status-changed").path("id");
        String fast = create(Tokens.hrAcme(), healthy.url(), "application.status-changed").path("id");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(injectStatus(UUID.randomUUID().toString(), ACME, "UNDER_REVIEW"));
        }
        eventually().until(() -> healthy.accepted().size() >= 5);
        assertEquals(Set.copyOf(events), Set.copyOf(healthy.accepted().stream().map(Receiver.Request::id).toList()));
        // all five reached the healthy endpoint while the hanging one still holds its first request
        assertEquals(1, hanging.inProgress(), "one request in flight at the hanging endpoint (its own slot only)");
        assertEquals(1, hanging.requests().size());
        hanging.release();
        api(Tokens.hrAcme()).delete("/api/v1/webhooks/" + slow).then().statusCode(204);
        api(Tokens.hrAcme()).delete("/api/v1/webhooks/" + fast).then().statusCode(204);
    }

    /**
     * The bench's fan-out case in small: five hanging endpoints and a healthy one at the same partner host (one
     * receiver, one port), with hundreds of deliveries queued for the hanging ones ahead of the healthy one's. Two
     * defects held the healthy one back until the hanging ones timed out: the HTTP client's connection pool is per
     * host and port (two connections, both taken by hanging requests), and a claim window over all due deliveries
     * in sequence order was filled by the hanging endpoints' backlog.
     */
    @Test
    void hangingEndpointsAndTheirBacklogAtTheSameHostDoNotHoldBackAHealthyOne() throws Exception {
        Receiver partner = receiver();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(Tokens.hrAcme(), partner.url("hang-" + i, Mode.HANG), "application.status-changed")
                    .path("id"));
        }
        int backlog = 60;
        for (int i = 0; i < backlog; i++) {
            injectStatus(UUID.randomUUID().toString(), ACME, "UNDER_REVIEW");
        }
        eventually().until(() -> queuedFor(ids) == 5L * backlog && partner.inProgress() == 5);
        ids.add(create(Tokens.hrAcme(), partner.url("ok", Mode.OK), "application.status-changed").path("id"));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(injectStatus(UUID.randomUUID().toString(), ACME, "UNDER_REVIEW"));
        }
        eventually().until(() -> partner.requests("ok").size() >= 5);
        assertEquals(Set.copyOf(events), Set.copyOf(partner.requests("ok").stream().map(Receiver.Request::id)
                .toList()));
        // served while every hanging endpoint still holds its first request (within the 10 s timeout)
        for (int i = 0; i < 5; i++) {
            assertEquals(1, partner.requests("hang-" + i).size(), "hang-" + i + " has not been retried yet");
        }
        partner.release();
        for (String id : ids) { // with its backlog still queued, deleting an endpoint is a 204 (no lock conflict)
            api(Tokens.hrAcme()).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    private long queuedFor(List<String> endpointIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING' AND endpoint_id IN (:ids)")
                .setParameter("ids", endpointIds.stream().map(UUID::fromString).toList()).getSingleResult())
                .longValue());
    }

    @Test
    void droppedConnectionsUnknownHostsAndRefusedConnectionsAreRetriedAndLoggedNeverAnApiError()
            throws Exception {
        Receiver closing = receiver().mode(Mode.CLOSE);
        String dropped = create(Tokens.hrAcme(), closing.url(), "application.withdrawn").path("id");
        String dns = create(Tokens.hrAcme(), "http://receiver.nowhere.invalid/hook", "application.withdrawn")
                .then().statusCode(201).extract().path("id");
        int freePort;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        String refused = create(Tokens.hrAcme(), "http://127.0.0.1:" + freePort + "/hook", "application.withdrawn")
                .path("id");
        String app = UUID.randomUUID().toString();
        inject("expat.application", "application.withdrawn", app, "{\"applicationId\":\"" + app
                + "\",\"companyBin\":\"" + ACME + "\",\"at\":\"" + now() + "\"}");
        for (var e : Map.of(dropped, "", dns, "DNS", refused, "").entrySet()) {
            eventually().untilAsserted(() -> api(Tokens.hrAcme()).get("/api/v1/webhooks/" + e.getKey()
                    + "/deliveries").then().statusCode(200).body("items[0].status", is("PENDING"))
                    .body("items[0].attempts", greaterThanOrEqualTo(2)).body("items[0].lastStatusCode", nullValue())
                    .body("items[0].lastError", allOf(notNullValue(), containsString(e.getValue())))
                    .body("items[0].nextAttemptAt", notNullValue()));
        }
        // the receiver recovers: the retried delivery lands
        closing.mode(Mode.OK);
        eventually().until(() -> closing.accepted().size() == 1);
        for (String id : List.of(dropped, dns, refused)) {
            api(Tokens.hrAcme()).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    @Test
    void replayOfOneDeliveryAndOfATimeRangeSendsThemAgainWithTheSameWebhookId() throws Exception {
        Receiver r = receiver();
        String id = create(Tokens.hrAcme(), r.url(), "application.status-changed").path("id");
        OffsetDateTime from = OffsetDateTime.now().minusMinutes(1);
        String e1 = injectStatus(UUID.randomUUID().toString(), ACME, "UNDER_REVIEW");
        String e2 = injectStatus(UUID.randomUUID().toString(), ACME, "UNDER_REVIEW");
        eventually().until(() -> r.accepted().size() >= 2);
        String d1 = api(Tokens.hrAcme()).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.webhookId == '" + e1 + "' }.id");
        api(Tokens.hrAcme()).post("/api/v1/webhooks/" + id + "/deliveries/" + d1 + "/replay").then().statusCode(202)
                .body("status", is("PENDING"));
        eventually().until(() -> r.accepted().size() >= 3);
        assertEquals(e1, r.accepted().get(2).id());
        api(Tokens.hrAcme()).body(Map.of("from", from.toString(), "to", OffsetDateTime.now().plusMinutes(1).toString()))
                .post("/api/v1/webhooks/" + id + "/replay").then().statusCode(202).body("replayed", is(2));
        eventually().until(() -> r.accepted().size() >= 5);
        assertEquals(Set.of(e1, e2), Set.copyOf(r.accepted().subList(3, 5).stream().map(Receiver.Request::id)
                .toList()));
        api(Tokens.hrAcme()).body(Map.of("from", now(), "to", OffsetDateTime.now().minusDays(1).toString()))
                .post("/api/v1/webhooks/" + id + "/replay").then().statusCode(400)
                .contentType("application/problem+json");
        api(Tokens.hrAcme()).post("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/replay").then()
                .statusCode(404);
        api(Tokens.hrAcme()).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void anEndpointFailingForThreeDaysIsDisabledAndTheCompanyIsEmailed() throws Exception {
        String kk = Mailbox.fresh("kk-hook");
        String en = Mailbox.fresh("en-hook");
        contacts(ACME, kk, "kk", en, "en");
        Receiver r = receiver().mode(Mode.ERROR_500);
        String id = create(Tokens.hrAcme(), r.url(), "application.status-changed").path("id");
        String app = UUID.randomUUID().toString();
        injectStatus(app, ACME, "UNDER_REVIEW");
        eventually().untilAsserted(() -> api(Tokens.hrAcme()).get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("failingSince", notNullValue()));
        assertEquals(Boolean.TRUE, api(Tokens.hrAcme()).get("/api/v1/webhooks/" + id).then().extract()
                .path("enabled"), "a few failures do not disable it");
        // three days of failures pass (the clock of the endpoint's failure period moves back, not the test's)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE webhook_endpoint SET failing_since "
                + "= now() - interval '3 days 1 minute' WHERE id = ?1").setParameter(1, UUID.fromString(id))
                .executeUpdate());
        eventually().untilAsserted(() -> api(Tokens.hrAcme()).get("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("enabled", is(false)).body("disabledReason", containsString("without a success"))
                .body("disabledAt", notNullValue()));
        Mailbox.Received mail = Mailbox.one(en);
        assertEquals("Webhook endpoint disabled: " + r.url(), mail.subject());
        assertTrue(mail.text().contains("was disabled because its deliveries have failed without interruption"));
        assertTrue(mail.text().contains("Last error: HTTP 500"), mail.text());
        Mailbox.Received kkMail = Mailbox.one(kk);
        assertEquals("Вебхук өшірілді: " + r.url(), kkMail.subject());
        assertTrue(kkMail.text().contains("вебхугі өшірілді"), kkMail.text());

        // disabled: nothing is sent; enabled again, the pending delivery goes out once the receiver works
        int before = r.requests().size();
        r.mode(Mode.OK);
        injectStatus(app, ACME, "IN_PROCESSING");
        eventually().untilAsserted(() -> api(Tokens.hrAcme()).get("/api/v1/webhooks/" + id + "/deliveries").then()
                .body("total", is(2)).body("items.status", everyItem(is("PENDING"))));
        assertEquals(before, r.requests().size(), "nothing is sent to a disabled endpoint");
        api(Tokens.hrAcme()).body(Map.of("enabled", true)).patch("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("enabled", is(true)).body("failingSince", nullValue());
        eventually().until(() -> r.accepted().size() >= 2);
        api(Tokens.hrAcme()).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void badInputIsAClearProblemJson400() throws Exception {
        Receiver r = receiver();
        String t = Tokens.hrAcme();
        record Bad(Object url, Object types, String field) {
        }
        for (Bad bad : List.of(new Bad("not a url", List.of("invoice.issued"), "url"),
                new Bad("ftp://example.com/x", List.of("invoice.issued"), "url"),
                new Bad("/relative/path", List.of("invoice.issued"), "url"),
                new Bad("http://10.1.2.3/hook", List.of("invoice.issued"), "url"),
                new Bad("http://192.168.0.10/hook", List.of("invoice.issued"), "url"),
                new Bad("https://169.254.169.254/latest/meta-data", List.of("invoice.issued"), "url"),
                new Bad("http://[::1]:8080/hook", List.of("invoice.issued"), "url"),
                new Bad("http://[fd00::1]/hook", List.of("invoice.issued"), "url"),
                new Bad("http://user:pass@127.0.0.1/hook", List.of("invoice.issued"), "url"),
                new Bad(r.url(), List.of("invoice.issued", "invoice.exploded"), "eventTypes[1]"),
                new Bad(r.url(), List.of(), "eventTypes"))) {
            api(t).body(Map.of("url", bad.url(), "eventTypes", bad.types())).post("/api/v1/webhooks").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", is("https://expat.aifc.kz/problems/invalid-request"))
                    .body("errors.field", hasItem(bad.field()));
        }
        api(t).body("{\"url\":").post("/api/v1/webhooks").then().statusCode(400)
                .contentType("application/problem+json");
        String id = create(t, r.url(), "invoice.issued").path("id");
        api(t).body(Map.of("secret", "whsec_AAAA")).patch("/api/v1/webhooks/" + id).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("secret"))
                .body("errors.message", hasItem(containsString("rotate-secret")));
        api(t).body(Map.of("url", "http://10.0.0.1/x")).patch("/api/v1/webhooks/" + id).then().statusCode(400)
                .body("errors.field", hasItem("url"));
        api(t).body(Map.of("eventTypes", List.of("nope"))).patch("/api/v1/webhooks/" + id).then().statusCode(400)
                .body("errors.field", hasItem("eventTypes[0]"));
        api(t).body(Map.of("enabled", "yes")).patch("/api/v1/webhooks/" + id).then().statusCode(400);
        api(t).body(Map.of("companyBin", GLOBEX)).patch("/api/v1/webhooks/" + id).then().statusCode(400);
        api(t).body(Map.of("overlap", "forever")).post("/api/v1/webhooks/" + id + "/rotate-secret").then()
                .statusCode(400).contentType("application/problem+json");
        api(t).body(Map.of("description", "renamed", "eventTypes", List.of("invoice.paid")))
                .patch("/api/v1/webhooks/" + id).then().statusCode(200).body("description", is("renamed"))
                .body("eventTypes", contains("invoice.paid"));
        api(t).queryParam("from", "yesterday").get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(400)
                .contentType("application/problem+json");
        api(t).get("/api/v1/webhooks/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        api(t).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void anotherCompanysEndpointIs404OnEveryRoute() throws Exception {
        Receiver r = receiver();
        String id = create(Tokens.hrAcme(), r.url(), "application.status-changed").path("id");
        String app = UUID.randomUUID().toString();
        String event = injectStatus(app, ACME, "UNDER_REVIEW");
        eventually().until(() -> r.accepted().size() >= 1);
        String delivery = api(Tokens.hrAcme()).get("/api/v1/webhooks/" + id + "/deliveries").then().extract()
                .jsonPath().getString("items[0].id");
        for (String other : List.of(Tokens.hrGlobex(), Tokens.partnerGlobex())) {
            api(other).get("/api/v1/webhooks/" + id).then().statusCode(404).contentType("application/problem+json");
            api(other).body(Map.of("enabled", false)).patch("/api/v1/webhooks/" + id).then().statusCode(404);
            api(other).post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(404);
            api(other).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
            api(other).get("/api/v1/webhooks/" + id + "/deliveries/" + delivery).then().statusCode(404);
            api(other).post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/replay").then().statusCode(404);
            api(other).body(Map.of("from", OffsetDateTime.now().minusDays(1).toString(), "to", now()))
                    .post("/api/v1/webhooks/" + id + "/replay").then().statusCode(404);
            api(other).delete("/api/v1/webhooks/" + id).then().statusCode(404);
            api(other).get("/api/v1/webhooks").then().statusCode(200).body("id", not(hasItem(id)));
        }
        // a delivery id of another endpoint (even the company's own) does not resolve under this one
        String second = create(Tokens.hrAcme(), r.url(), "invoice.paid").path("id");
        api(Tokens.hrAcme()).get("/api/v1/webhooks/" + second + "/deliveries/" + delivery).then().statusCode(404);
        api(Tokens.hrAcme()).get("/api/v1/webhooks/" + id).then().statusCode(200).body("enabled", is(true));
        assertEquals(event, r.accepted().get(0).id());
        api(Tokens.hrAcme()).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        api(Tokens.hrAcme()).delete("/api/v1/webhooks/" + second).then().statusCode(204);
    }

    @Test
    void onlyCompanyHrAndPartnerSystemsManageWebhooks() throws Exception {
        Receiver r = receiver();
        String id = create(Tokens.hrAcme(), r.url(), "invoice.issued").path("id");
        String base = "/api/v1/webhooks";
        for (String denied : List.of(Tokens.officer(), Tokens.admin(), Tokens.applicant(), notifier())) {
            create(denied, r.url(), "invoice.issued").then().statusCode(403).contentType("application/problem+json");
            api(denied).get(base).then().statusCode(403);
            api(denied).get(base + "/" + id).then().statusCode(403);
            api(denied).body(Map.of("enabled", false)).patch(base + "/" + id).then().statusCode(403);
            api(denied).delete(base + "/" + id).then().statusCode(403);
            api(denied).post(base + "/" + id + "/rotate-secret").then().statusCode(403);
            api(denied).get(base + "/" + id + "/deliveries").then().statusCode(403);
            api(denied).get(base + "/" + id + "/deliveries/" + UUID.randomUUID()).then().statusCode(403);
            api(denied).post(base + "/" + id + "/deliveries/" + UUID.randomUUID() + "/replay").then().statusCode(403);
            api(denied).body(Map.of("from", now(), "to", now())).post(base + "/" + id + "/replay").then()
                    .statusCode(403);
        }
        api(null).get(base).then().statusCode(401);
        api(null).get(base + "/" + id).then().statusCode(401);
        api(Tokens.hrAcme()).get(base + "/" + id).then().statusCode(200);
        api(Tokens.partnerAcme()).get(base + "/" + id).then().statusCode(200);
        api(Tokens.hrAcme()).delete(base + "/" + id).then().statusCode(204);
        api(Tokens.hrAcme()).get(base + "/" + id).then().statusCode(404);
    }
}
