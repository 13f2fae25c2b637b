package kz.aifc.expat.e2e;

import io.restassured.path.json.JsonPath;
import kz.aifc.expat.testing.SlowUpload;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static kz.aifc.expat.e2e.E2e.ACME;
import static kz.aifc.expat.e2e.E2e.DOCUMENT;
import static kz.aifc.expat.e2e.E2e.FEE;
import static kz.aifc.expat.e2e.E2e.act;
import static kz.aifc.expat.e2e.E2e.app;
import static kz.aifc.expat.e2e.E2e.as;
import static kz.aifc.expat.e2e.E2e.eventually;
import static kz.aifc.expat.e2e.E2e.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The two high findings of the security probe (#14), through the running services. */
class SecurityFindingsTest {

    @BeforeAll
    static void companies() {
        E2e.ensureCompanies();
    }

    /**
     * #14.1: Acme paid the work-visa service fee of a passport; Globex enters the same passport and files fingerprint
     * registration. Globex pays the fee, and nothing on its invoice names Acme's invoice; Acme's own fingerprinting
     * of that person is free.
     */
    @Test
    void theFingerprintWaiverNeverCrossesCompanies() {
        String passport = "E" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String acmePerson = person(Tokens.hrAcme(), passport);
        String visa = submit(Tokens.hrAcme(), E2e.workVisa(acmePerson));
        JsonPath visaInvoice = invoiceOf(Tokens.hrAcme(), visa);
        String visaInvoiceId = visaInvoice.getString("id");
        String serviceFee = visaInvoice.getString("lines.find { it.type == 'SERVICE_FEE' }.amount");
        as(Tokens.officer(), FEE).body(Map.of("reference", "E2E-" + java.util.UUID.randomUUID(), "amount", serviceFee,
                        "lineType", "SERVICE_FEE"))
                .post("/api/v1/invoices/" + visaInvoiceId + "/payments").then().statusCode(201);

        String globexPerson = person(Tokens.hrGlobex(), passport);
        String globexFingerprints = submit(Tokens.hrGlobex(), fingerprinting(globexPerson));
        JsonPath globexInvoice = invoiceOf(Tokens.hrGlobex(), globexFingerprints);
        assertEquals(0, new java.math.BigDecimal("20000").compareTo(globexInvoice.getObject("total",
                java.math.BigDecimal.class)), globexInvoice.prettify());
        assertEquals(false, globexInvoice.getBoolean("lines[0].waived"));
        String text = globexInvoice.prettify();
        assertFalse(text.contains(visaInvoiceId), "Globex's invoice names Acme's invoice: " + text);
        assertFalse(text.contains("work-visa"), "Globex's invoice mentions Acme's visa: " + text);

        String acmeFingerprints = submit(Tokens.hrAcme(), fingerprinting(acmePerson));
        JsonPath acmeInvoice = invoiceOf(Tokens.hrAcme(), acmeFingerprints);
        assertEquals(0, java.math.BigDecimal.ZERO.compareTo(acmeInvoice.getObject("total", java.math.BigDecimal.class)),
                acmeInvoice.prettify());
        assertEquals(true, acmeInvoice.getBoolean("lines[0].waived"));
    }

    /**
     * #14.2: three uploads of Acme trickling 2 bytes every 500 ms: Acme's fourth is refused at once (429), Globex's
     * upload is stored while they trickle, and they end with 408 once below the minimum rate.
     */
    @Test
    void slowUploadsOfOneCompanyLeaveAnotherCompanysUploadsAlone() throws Exception {
        String[] acme = uploadTarget(Tokens.hrAcme(), E2e.createPerson(Tokens.hrAcme(), "Slow"));
        String[] globex = uploadTarget(Tokens.hrGlobex(), E2e.createPerson(Tokens.hrGlobex(), "Quick"));
        int port = URI.create(DOCUMENT).getPort();
        String path = "/api/v1/applications/" + acme[0] + "/requirements/" + acme[1] + "/documents";
        List<SlowUpload> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                slow.add(new SlowUpload(port, path, Tokens.hrAcme()));
            }
            // all three are being received (a retried upload would add versions up to the quota instead)
            eventually().alias("three uploads in progress").until(() -> io.restassured.RestAssured.given()
                    .baseUri(Services.DOCUMENT.managementUrl()).get("/q/metrics").asString().lines()
                    .filter(l -> l.startsWith("expat_documents_uploads_in_progress"))
                    .anyMatch(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 3));
            E2e.upload(Tokens.hrAcme(), acme[0], acme[1], "fourth.pdf", E2e.pdf("fourth")).then().statusCode(429)
                    .contentType("application/problem+json").header("Retry-After", notNullValue());
            E2e.upload(Tokens.hrGlobex(), globex[0], globex[1], "normal.pdf", E2e.pdf("normal")).then()
                    .statusCode(201).body("status", notNullValue());
            slow.forEach(s -> assertFalse(s.answered(), "a slow upload ended before Globex's upload"));
            for (SlowUpload s : slow) {
                assertEquals(408, s.status().get(90, TimeUnit.SECONDS));
            }
            as(Tokens.hrAcme(), DOCUMENT).get("/api/v1/applications/" + acme[0] + "/documents").then()
                    .statusCode(200).body("size()", equalTo(0));
        } finally {
            for (SlowUpload s : slow) {
                s.close();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String person(String token, String passport) {
        Map<String, Object> p = new HashMap<>();
        p.put("firstName", "Waiver");
        p.put("lastName", "Probe");
        p.put("dateOfBirth", "1986-04-12");
        p.put("citizenship", "GBR");
        p.put("passportNumber", passport);
        p.put("passportIssuedOn", "2021-03-01");
        p.put("passportExpiresOn", today().plusYears(8).toString());
        p.put("iin", Iins.random());
        return as(token, app()).body(p).post("/api/v1/persons").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> fingerprinting(String personId) {
        Map<String, Object> a = new HashMap<>();
        a.put("personId", personId);
        a.put("serviceCode", "fingerprint-registration");
        return a;
    }

    private static String submit(String token, Map<String, Object> body) {
        body.put("consent", E2e.consent());
        String id = E2e.createApplication(token, body);
        act(token, id, "submit", null).then().statusCode(200);
        return id;
    }

    private static JsonPath invoiceOf(String token, String applicationId) {
        JsonPath[] found = new JsonPath[1];
        eventually().alias("invoice of " + applicationId).until(() -> {
            JsonPath list = as(token, FEE).queryParam("applicationId", applicationId).get("/api/v1/invoices").then()
                    .statusCode(200).extract().jsonPath();
            if (list.getList("$").isEmpty()) {
                return false;
            }
            found[0] = as(token, FEE).get("/api/v1/invoices/" + list.getString("[0].id")).then().statusCode(200)
                    .extract().jsonPath();
            return true;
        });
        return found[0];
    }

    /**
     * #14.20: the document bucket answers nobody without credentials: neither a listing (which would name every
     * company's applications) nor a stored document, whose key a caller could guess from the API's ids.
     */
    @Test
    void theDocumentBucketIsPrivate() {
        String s3 = System.getProperty("expat.e2e.s3-url", "http://127.0.0.1:9000");
        String[] target = uploadTarget(Tokens.hrAcme(), E2e.createPerson(Tokens.hrAcme(), "Bucket"));
        String document = E2e.upload(Tokens.hrAcme(), target[0], target[1], "passport.pdf", E2e.pdf("bucket"))
                .then().statusCode(201).extract().path("id");
        String key = "applications/" + target[0] + "/" + target[1] + "/" + document;
        // the same key answers the service's signed requests (the object is there): the company downloads it
        as(Tokens.hrAcme(), DOCUMENT).get("/api/v1/documents/" + document + "/content").then().statusCode(200);
        for (String path : List.of("/expat-documents?list-type=2", "/expat-documents?list-type=2&prefix=applications/",
                "/expat-documents", "/expat-documents/" + key, "/")) {
            io.restassured.RestAssured.given().baseUri(s3).get(path).then().statusCode(403);
        }
    }

    /**
     * #14.3 (label cardinality): after an upload (the store client tags each request with its object key) and a
     * body refused before routing (tagged with its raw path), no metric of any service names an id.
     */
    @Test
    void noMetricLabelNamesAnId() {
        String[] target = uploadTarget(Tokens.hrAcme(), E2e.createPerson(Tokens.hrAcme(), "Metrics"));
        E2e.upload(Tokens.hrAcme(), target[0], target[1], "passport.pdf", E2e.pdf("metrics")).then().statusCode(201);
        byte[] big = new byte[21 * 1024 * 1024];
        byte[] head = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, big, 0, head.length);
        E2e.upload(Tokens.hrAcme(), target[0], target[1], "big.pdf", big).then().statusCode(413);
        java.util.regex.Pattern uuid = java.util.regex.Pattern.compile(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        for (Services service : Services.all()) {
            String metrics = io.restassured.RestAssured.given().baseUri(service.managementUrl()).get("/q/metrics").then()
                    .statusCode(200).extract().asString();
            List<String> withIds = metrics.lines().filter(l -> !l.startsWith("#") && uuid.matcher(l).find())
                    .limit(3).toList();
            assertEquals(List.of(), withIds, service + " names ids in its metrics");
        }
    }

    /** A submitted work-visa application of the caller's company with its checklist built: {application, requirement}. */
    private static String[] uploadTarget(String token, String personId) {
        String application = submit(token, E2e.workVisa(personId));
        String[] target = new String[2];
        eventually().alias("checklist of " + application).until(() -> {
            JsonPath checklist = as(token, DOCUMENT).get("/api/v1/applications/" + application + "/checklist").then()
                    .extract().jsonPath();
            if (!Boolean.TRUE.equals(checklist.get("ready"))) {
                return false;
            }
            target[1] = checklist.getString("requirements.find { it.uploadRequired && it.mandatory }.id");
            return target[1] != null;
        });
        target[0] = application;
        assertNotNull(target[1]);
        return target;
    }
}
