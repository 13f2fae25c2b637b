package kz.aifc.expat.notification;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * The real services notification-service reads from (the running local system: application-service for contacts,
 * persons and applications, fee-service, scheduling-service), and events injected into this run's own topics.
 */
public final class Fixtures {

    public static final String ACME = "180340021791";
    public static final String GLOBEX = "190540001230";
    public static final String APPLICATION = System.getProperty("expat.test.application-url", "http://127.0.0.1:8082");
    public static final String DOCUMENT = System.getProperty("expat.test.document-url", "http://127.0.0.1:8083");
    public static final String SCHEDULING = System.getProperty("expat.test.scheduling-url", "http://127.0.0.1:8084");
    public static final String FEE = System.getProperty("expat.test.fee-url", "http://127.0.0.1:8085");
    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private Fixtures() {
    }

    public static String notifier() {
        return Tokens.client("notification-service", "notification-service-secret");
    }

    public static RequestSpecification as(String token, String baseUri) {
        RequestSpecification spec = RestAssured.given().baseUri(baseUri).contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    /** The service under test (RestAssured's port is the test instance's). */
    public static RequestSpecification api(String token) {
        RequestSpecification spec = RestAssured.given().contentType(ContentType.JSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    public static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions();
    }

    public static void ensureCompanies() {
        as(Tokens.hrAcme(), APPLICATION).body(Map.of("bin", ACME, "name", "Acme Logistics LLP", "legalForm",
                "COMPANY")).post("/api/v1/companies").then().statusCode(anyOf(is(201), is(409)));
        as(Tokens.hrGlobex(), APPLICATION).body(Map.of("bin", GLOBEX, "name", "Globex Kazakhstan LLP",
                "legalForm", "COMPANY")).post("/api/v1/companies").then().statusCode(anyOf(is(201), is(409)));
    }

    /** A company registered by the admin under a fresh valid BIN: its contacts are this test's alone. */
    public static String freshCompany() {
        String bin = validBin();
        as(Tokens.admin(), APPLICATION).body(Map.of("bin", bin, "name", "Test Co " + bin, "legalForm", "COMPANY"))
                .post("/api/v1/companies").then().statusCode(201);
        return bin;
    }

    /** Replaces the company's notification contacts: pairs of address and language. */
    public static void contacts(String bin, String... addressLanguage) {
        List<Map<String, String>> list = new ArrayList<>();
        for (int i = 0; i < addressLanguage.length; i += 2) {
            list.add(Map.of("email", addressLanguage[i], "language", addressLanguage[i + 1]));
        }
        as(Tokens.admin(), APPLICATION).body(Map.of("contacts", list))
                .put("/api/v1/companies/" + bin + "/notification-contacts").then().statusCode(200);
    }

    /** An Acme person; email/language/consent as given (null = absent). */
    public static String person(String email, String language, Boolean consent) {
        Map<String, Object> p = new HashMap<>();
        p.put("firstName", "Aliya");
        p.put("lastName", "Notify");
        p.put("dateOfBirth", "1988-02-03");
        p.put("citizenship", "GBR");
        p.put("passportNumber", "N" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
        p.put("passportIssuedOn", "2021-03-01");
        p.put("passportExpiresOn", LocalDate.now(ALMATY).plusYears(8).toString());
        if (email != null) {
            p.put("email", email);
        }
        if (language != null) {
            p.put("preferredLanguage", language);
        }
        if (consent != null) {
            p.put("contactConsent", consent);
        }
        return as(Tokens.hrAcme(), APPLICATION).body(p).post("/api/v1/persons").then().statusCode(201).extract()
                .path("id");
    }

    /** A draft work-visa application of Acme for the person (enough for notification-service's reads). */
    public static String draftApplication(String personId) {
        Map<String, Object> a = new HashMap<>();
        a.put("personId", personId);
        a.put("serviceCode", "work-visa-issuance");
        a.put("visaCategory", "C3");
        a.put("requestedVisaEnd", LocalDate.now(ALMATY).plusYears(1).toString());
        a.put("consent", Map.of("textVersion", "2026-01", "accepted", true));
        return as(Tokens.hrAcme(), APPLICATION).body(a).post("/api/v1/applications").then().statusCode(201)
                .extract().path("id");
    }

    /** Publishes an event into this test run's topic, as the producing service would; returns its CloudEvent id. */
    public static String inject(String topic, String type, String key, String json) {
        String id = UUID.randomUUID().toString();
        KafkaProbe.send(topic, id, type, key, json);
        return id;
    }

    /** application.rejected as application-service publishes it (reason codes, the officer's comment). */
    public static String rejectedEvent(String app, String bin, String comment, String... reasons) {
        StringBuilder codes = new StringBuilder();
        for (String r : reasons) {
            codes.append(codes.isEmpty() ? "" : ",").append('"').append(r).append('"');
        }
        return "{\"applicationId\":\"" + app + "\",\"companyBin\":\"" + bin + "\",\"serviceCode\":"
                + "\"work-visa-issuance\",\"reasons\":[" + codes + "],\"comment\":"
                + (comment == null ? "null" : "\"" + comment + "\"") + ",\"at\":\"" + now() + "\"}";
    }

    /** application.completed for a C3 work visa valid until {@code validUntil}, with one issued document. */
    public static String completedEvent(String app, String bin, String personId, String documentId,
                                        String validUntil) {
        return "{\"applicationId\":\"" + app + "\",\"companyBin\":\"" + bin + "\",\"serviceCode\":"
                + "\"work-visa-issuance\",\"personId\":" + (personId == null ? "null" : "\"" + personId + "\"")
                + ",\"outcome\":{\"kind\":\"VISA\",\"category\":\"C3\",\"issuedOn\":\"2026-11-30\","
                + "\"validFrom\":\"2026-12-01\",\"validUntil\":\"" + validUntil + "\",\"issuingBody\":"
                + "\"Migration Service, Astana\"},\"outcomeDocumentIds\":[\"" + documentId + "\"],\"completedAt\":\""
                + now() + "\"}";
    }

    public static String validBin() {
        while (true) {
            String first = "2" + ThreadLocalRandom.current().nextInt(10000, 99999) + "4"
                    + ThreadLocalRandom.current().nextInt(1000, 9999);
            int check = checkDigit(first);
            if (check >= 0) {
                return first + check;
            }
        }
    }

    private static int checkDigit(String first11) {
        int[] w1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        int[] w2 = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        int sum = weighted(first11, w1) % 11;
        if (sum == 10) {
            sum = weighted(first11, w2) % 11;
        }
        return sum == 10 ? -1 : sum;
    }

    private static int weighted(String d, int[] w) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (d.charAt(i) - '0') * w[i];
        }
        return sum;
    }

    public static String now() {
        return OffsetDateTime.now(ALMATY).toString();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
