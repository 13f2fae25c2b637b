package kz.aifc.expat.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * Shared helpers of the journey, replica, contention and fault suites: the running instances (two replicas of
 * application- and scheduling-service), real Keycloak tokens, SQL on each service's own database, bounded waits.
 */
final class E2e {

    static final String ACME = "180340021791";
    static final String GLOBEX = "190540001230";
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    /** application-service on 8082 and its second replica on 8092 (same database); scheduling likewise. */
    static final List<String> APPLICATION = List.of(Services.APPLICATION.url(), "http://127.0.0.1:8092");
    static final List<String> SCHEDULING = List.of(Services.SCHEDULING.url(), "http://127.0.0.1:8094");
    static final String CATALOG = Services.CATALOG.url();
    static final String DOCUMENT = Services.DOCUMENT.url();
    static final String FEE = Services.FEE.url();

    private static final AtomicInteger ROUND_ROBIN = new AtomicInteger();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private E2e() {
    }

    static LocalDate today() {
        return LocalDate.now(ALMATY);
    }

    /** The next application-service replica: consecutive requests alternate between 8082 and 8092. */
    static String app() {
        return APPLICATION.get(Math.floorMod(ROUND_ROBIN.getAndIncrement(), 2));
    }

    /** The next scheduling-service replica: consecutive requests alternate between 8084 and 8094. */
    static String sched() {
        return SCHEDULING.get(Math.floorMod(ROUND_ROBIN.getAndIncrement(), 2));
    }

    static RequestSpecification as(String token, String baseUri) {
        RequestSpecification spec = RestAssured.given().baseUri(baseUri).contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(400))
                .ignoreExceptions();
    }

    /** A KafkaProbe, retried: on a loaded machine the first metadata fetch can exceed the probe's 10 s. */
    static KafkaProbe probe(String... topics) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                return new KafkaProbe(topics);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    // ------------------------------------------------------------------ application-service

    static void ensureCompanies() {
        as(Tokens.hrAcme(), app()).body(Map.of("bin", ACME, "name", "Acme Logistics LLP", "legalForm", "COMPANY"))
                .post("/api/v1/companies").then().statusCode(anyOf(is(201), is(409)));
        as(Tokens.hrGlobex(), app()).body(Map.of("bin", GLOBEX, "name", "Globex Kazakhstan LLP",
                "legalForm", "COMPANY")).post("/api/v1/companies").then().statusCode(anyOf(is(201), is(409)));
    }

    static String createPerson(String token, String firstName) {
        return createPerson(token, firstName, Map.of());
    }

    /** A person of the caller's company with a fresh passport, plus {@code extra} fields (e.g. e-mail and consent). */
    static String createPerson(String token, String firstName, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>();
        p.put("firstName", firstName);
        p.put("lastName", "Journey");
        p.put("dateOfBirth", "1986-04-12");
        p.put("citizenship", "GBR");
        p.put("passportNumber", "E" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
        p.put("passportIssuedOn", "2021-03-01");
        p.put("passportExpiresOn", today().plusYears(8).toString());
        p.putAll(extra);
        return as(token, app()).body(p).post("/api/v1/persons").then().statusCode(201).extract().path("id");
    }

    // ------------------------------------------------------------------ notification contacts and addresses

    /** Addresses the suites create carry this domain, so a later run drops contacts an interrupted one left. */
    static final String TEST_MAIL_DOMAIN = "@e2e-notify.mail.test";

    /** A fresh address of the test domain (its GreenMail mailbox holds only what the test caused). */
    static String testAddress(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 12) + TEST_MAIL_DOMAIN;
    }

    /**
     * Adds {@code email} to Acme's notification contacts, dropping the test addresses of earlier runs; returns the
     * other contacts as they were, for {@link #replaceAcmeContacts} afterwards.
     */
    static List<Map<String, Object>> addAcmeContact(String email, String language) {
        List<Map<String, Object>> existing = as(Tokens.hrAcme(), app())
                .get("/api/v1/companies/" + ACME + "/notification-contacts").then().statusCode(200).extract()
                .jsonPath().getList("contacts");
        List<Map<String, Object>> kept = existing.stream()
                .filter(c -> !String.valueOf(c.get("email")).endsWith(TEST_MAIL_DOMAIN)).toList();
        List<Map<String, Object>> contacts = new ArrayList<>(kept.subList(0, Math.min(kept.size(), 19)));
        contacts.add(Map.of("email", email, "language", language));
        replaceAcmeContacts(contacts);
        return kept;
    }

    static void replaceAcmeContacts(List<Map<String, Object>> contacts) {
        as(Tokens.hrAcme(), app()).body(Map.of("contacts", contacts))
                .put("/api/v1/companies/" + ACME + "/notification-contacts").then().statusCode(200);
    }

    /** A work-visa issuance draft (C3, one year) with everything the submission rules need, consent not given. */
    static Map<String, Object> workVisa(String personId) {
        Map<String, Object> a = new HashMap<>();
        a.put("personId", personId);
        a.put("serviceCode", "work-visa-issuance");
        a.put("visaCategory", "C3");
        a.put("requestedVisaEnd", today().plusYears(1).toString());
        return a;
    }

    static Map<String, Object> consent() {
        return Map.of("textVersion", "2026-01", "accepted", true);
    }

    static String createApplication(String token, Map<String, Object> body) {
        return as(token, app()).body(body).post("/api/v1/applications").then().statusCode(201).extract().path("id");
    }

    static Response act(String token, String id, String action, Map<String, Object> body) {
        RequestSpecification spec = as(token, app());
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post("/api/v1/applications/" + id + "/" + action);
    }

    /** The state as every application-service replica reports it (null when the replicas disagree). */
    static String state(String id) {
        String first = null;
        for (String url : APPLICATION) {
            String s = as(Tokens.officer(), url).get("/api/v1/applications/" + id).then().statusCode(200).extract()
                    .path("state");
            if (first != null && !first.equals(s)) {
                return null;
            }
            first = s;
        }
        return first;
    }

    static void awaitState(String id, String expected) {
        eventually().alias(id + " in state " + expected + " on both replicas").until(() -> expected.equals(state(id)));
    }

    /** A submitted work-visa application of Acme (through the API, alternating replicas). */
    static String submittedAcmeApplication() {
        String person = createPerson(Tokens.hrAcme(), "Exactly");
        Map<String, Object> body = workVisa(person);
        body.put("consent", consent());
        String id = createApplication(Tokens.hrAcme(), body);
        act(Tokens.hrAcme(), id, "submit", null).then().statusCode(200);
        return id;
    }

    // ------------------------------------------------------------------ documents

    static byte[] pdf(String label) {
        return ("%PDF-1.4\n% " + label + " " + UUID.randomUUID() + "\n1 0 obj << /Type /Catalog >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    static Response upload(String token, String applicationId, String requirementId, String filename, byte[] bytes) {
        return RestAssured.given().baseUri(DOCUMENT).auth().oauth2(token)
                .multiPart("file", filename, bytes, "application/pdf")
                .post("/api/v1/applications/" + applicationId + "/requirements/" + requirementId + "/documents");
    }

    /** documents.approved as document-service publishes it: opens booking at scheduling-service. */
    static void injectDocumentsApproved(String applicationId, String companyBin, String serviceCode, int round) {
        KafkaProbe.send("expat.document", UUID.randomUUID().toString(), "documents.approved", applicationId,
                "{\"applicationId\":\"" + applicationId + "\",\"companyBin\":\"" + companyBin + "\",\"serviceCode\":\""
                        + serviceCode + "\",\"round\":" + round + ",\"approvedAt\":\"" + java.time.OffsetDateTime.now()
                        + "\"}");
    }

    // ------------------------------------------------------------------ SQL on each service's own database

    static Connection db(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name, name, name);
    }

    static List<Map<String, Object>> query(String dbName, String sql, Object... params) {
        try (Connection c = db(dbName); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(dbName + ": " + sql, e);
        }
    }

    static long count(String dbName, String sql, Object... params) {
        return ((Number) query(dbName, sql, params).get(0).values().iterator().next()).longValue();
    }

    static int update(String dbName, String sql, Object... params) {
        try (Connection c = db(dbName); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(dbName + ": " + sql, e);
        }
    }
}
