package kz.aifc.expat.application;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.aifc.expat.application.service.Checksums;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** Test helpers over the real HTTP API with real Keycloak tokens. */
public final class Api {

    public static final String ACME = "180340021791";
    public static final String GLOBEX = "190540001230";
    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static void ensureCompanies() {
        as(Tokens.hrAcme()).body(Map.of("bin", ACME, "name", "Acme Logistics LLP", "legalForm", "COMPANY"))
                .post("/api/v1/companies").then().statusCode(anyOf(is(201), is(409)));
        as(Tokens.hrGlobex()).body(Map.of("bin", GLOBEX, "name", "Globex Kazakhstan LLP", "legalForm", "BRANCH"))
                .post("/api/v1/companies").then().statusCode(anyOf(is(201), is(409)));
    }

    public static String passport() {
        return "N" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    // ---- the real catalog-service the application under test talks to (its URL from the same configuration)

    public static String catalogUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.catalog.url", String.class);
    }

    private static io.restassured.path.json.JsonPath catalog(String pathAndQuery) {
        return RestAssured.given().get(catalogUrl() + pathAndQuery).then().statusCode(200).extract().jsonPath();
    }

    /** The {@code n}-th Kazakhstan working day after {@code date} (before it for negative n), per the catalog. */
    public static LocalDate addWorkingDays(LocalDate date, int n) {
        return LocalDate.parse(catalog("/api/v1/calendar/add-working-days?date=" + date + "&days=" + n)
                .getString("result"));
    }

    public static LocalDate minusWorkingDays(LocalDate date, int n) {
        return addWorkingDays(date, -n);
    }

    public static boolean isWorking(LocalDate date) {
        return catalog("/api/v1/calendar/working-day?date=" + date).getBoolean("working");
    }

    /** Working days in (from, to], per the catalog. */
    public static int workingDaysBetween(LocalDate from, LocalDate to) {
        return catalog("/api/v1/calendar/working-days-between?from=" + from + "&to=" + to).getInt("workingDays");
    }

    /** The catalog version in force for a service's fees (what a submission freezes). */
    public static String catalogVersion(String serviceCode) {
        return catalog("/api/v1/services/" + serviceCode + "/fees?asOf=" + TODAY).getString("catalogVersion");
    }

    /** The guide's processing time of a service in working days (upper bound), as the catalog serves it. */
    public static int processingDays(String serviceCode) {
        return catalog("/api/v1/services/" + serviceCode + "/fees?asOf=" + TODAY).getInt("processingTime.max");
    }

    /** A random valid IIN (born 1990-01-01, random serial) or BIN. */
    public static String validIin() {
        while (true) {
            String first = "900101" + ThreadLocalRandom.current().nextInt(30000, 99999);
            int check = Checksums.checkDigit(first);
            if (check >= 0) {
                return first + check;
            }
        }
    }

    public static String validBin() {
        while (true) {
            String first = "2" + ThreadLocalRandom.current().nextInt(10000, 99999) + "4"
                    + ThreadLocalRandom.current().nextInt(1000, 9999);
            int check = Checksums.checkDigit(first);
            if (check >= 0) {
                return first + check;
            }
        }
    }

    public static Map<String, Object> person(String citizenship, LocalDate passportExpires) {
        Map<String, Object> p = new HashMap<>();
        p.put("firstName", "John");
        p.put("lastName", "Smith");
        p.put("dateOfBirth", "1985-05-20");
        p.put("citizenship", citizenship);
        p.put("passportNumber", passport());
        p.put("passportIssuedOn", "2020-01-10");
        p.put("passportExpiresOn", passportExpires.toString());
        return p;
    }

    public static Map<String, Object> visa(String type, String category, LocalDate until, String hostBin) {
        Map<String, Object> v = new HashMap<>();
        v.put("type", type);
        v.put("category", category);
        v.put("number", "V" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        v.put("validUntil", until.toString());
        v.put("hostBin", hostBin);
        return v;
    }

    public static String createPerson(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/persons").then().statusCode(201).extract().path("id");
    }

    public static String defaultPerson(String token) {
        return createPerson(token, person("GBR", TODAY.plusYears(8)));
    }

    public static Map<String, Object> consent() {
        return Map.of("textVersion", "2026-01", "accepted", true);
    }

    /** A work-visa issuance draft with everything the rules need. */
    public static Map<String, Object> workVisa(String personId) {
        Map<String, Object> a = new HashMap<>();
        a.put("personId", personId);
        a.put("serviceCode", "work-visa-issuance");
        a.put("visaCategory", "C3");
        a.put("requestedVisaEnd", TODAY.plusYears(1).toString());
        a.put("consent", consent());
        return a;
    }

    public static String createApp(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/applications").then().statusCode(201).extract().path("id");
    }

    public static Response action(String token, String id, String action, Map<String, Object> body) {
        RequestSpecification spec = as(token);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post("/api/v1/applications/" + id + "/" + action);
    }

    public static String state(String id) {
        return as(Tokens.officer()).get("/api/v1/applications/" + id).then().statusCode(200).extract()
                .path("state");
    }

    public static void awaitState(String id, String expected) {
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300))
                .until(() -> expected.equals(state(id)));
    }

    /** A submitted work-visa application of Acme. */
    public static String submittedAcme() {
        String app = createApp(Tokens.hrAcme(), workVisa(defaultPerson(Tokens.hrAcme())));
        action(Tokens.hrAcme(), app, "submit", null).then().statusCode(200);
        return app;
    }

    public static void documentsApproved(String app, int round) {
        KafkaProbe.send("expat.document", UUID.randomUUID().toString(), "documents.approved", app,
                "{\"applicationId\":\"" + app + "\",\"companyBin\":\"" + ACME + "\",\"serviceCode\":"
                        + "\"work-visa-issuance\",\"round\":" + round + ",\"approvedAt\":\"2026-01-05T10:00:00Z\"}");
    }

    public static void documentsChangesRequested(String app, int round) {
        KafkaProbe.send("expat.document", UUID.randomUUID().toString(), "documents.changes-requested", app,
                "{\"applicationId\":\"" + app + "\",\"companyBin\":\"" + ACME + "\",\"serviceCode\":"
                        + "\"work-visa-issuance\",\"round\":" + round + ",\"rejected\":[{\"requirementId\":\"r1\","
                        + "\"documentCode\":\"passport-copy\",\"reason\":\"blurred\"}],\"at\":\"2026-01-05T10:00:00Z\"}");
    }

    public static void appointment(String type, String app, String appointmentId, String eventId) {
        KafkaProbe.send("expat.appointment", eventId, type, app,
                "{\"appointmentId\":\"" + appointmentId + "\",\"applicationId\":\"" + app + "\",\"companyBin\":\""
                        + ACME + "\",\"serviceCode\":\"work-visa-issuance\",\"start\":\"2026-02-02T10:00:00+05:00\","
                        + "\"end\":\"2026-02-02T10:30:00+05:00\",\"reason\":null,\"actor\":\"hr.acme\","
                        + "\"at\":\"2026-01-06T10:00:00Z\"}");
    }

    /** Drives a new Acme application to APPOINTMENT_BOOKED through the real broker. */
    public static String bookedAcme() {
        String app = submittedAcme();
        documentsApproved(app, 1);
        awaitState(app, "DOCUMENTS_APPROVED");
        appointment("appointment.booked", app, "ap-" + UUID.randomUUID(), UUID.randomUUID().toString());
        awaitState(app, "APPOINTMENT_BOOKED");
        return app;
    }

    /** The desk completed the booked visit (scheduling-service's appointment.completed): originals received. */
    public static void visitCompleted(String app) {
        String appointmentId = as(Tokens.officer()).get("/api/v1/applications/" + app).then().statusCode(200)
                .extract().path("appointment.appointmentId");
        appointment("appointment.completed", app, appointmentId, UUID.randomUUID().toString());
        awaitState(app, "ORIGINALS_RECEIVED");
    }

    public static String inProcessingAcme() {
        String app = bookedAcme();
        visitCompleted(app);
        action(Tokens.officer(), app, "start-processing", null).then().statusCode(200);
        return app;
    }

    /** document.outcome-uploaded as document-service publishes it once an officer uploaded the issued document. */
    public static String outcomeDocumentUploaded(String app) {
        String documentId = UUID.randomUUID().toString();
        KafkaProbe.send("expat.document", UUID.randomUUID().toString(), "document.outcome-uploaded", app,
                "{\"applicationId\":\"" + app + "\",\"companyBin\":\"" + ACME + "\",\"documentId\":\""
                        + documentId + "\",\"filename\":\"visa.pdf\",\"contentType\":\"application/pdf\","
                        + "\"size\":1000,\"sha256\":\"ab\",\"uploadedAt\":\"2026-02-03T10:00:00Z\"}");
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300)).until(() ->
                as(Tokens.officer()).get("/api/v1/applications/" + app).then().extract().jsonPath()
                        .getList("outcome.documentIds", String.class) != null
                        && as(Tokens.officer()).get("/api/v1/applications/" + app).then().extract().jsonPath()
                        .getList("outcome.documentIds", String.class).contains(documentId));
        return documentId;
    }

    /** A work visa as a complete outcome (number, category, validity, issuing body). */
    public static Map<String, Object> visaOutcome(String number, java.time.LocalDate validUntil) {
        return Map.of("outcome", Map.of("kind", "VISA", "category", "C3", "number", number,
                "issuedOn", TODAY.toString(), "validFrom", TODAY.toString(), "validUntil", validUntil.toString(),
                "issuingBody", "Migration Service, Astana"));
    }

    /** Completes an in-processing Acme case with a work visa (its issued document uploaded first). */
    public static void completeWithVisa(String app, String number, java.time.LocalDate validUntil) {
        outcomeDocumentUploaded(app);
        action(Tokens.officer(), app, "complete", visaOutcome(number, validUntil)).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.is("COMPLETED"));
    }
}
