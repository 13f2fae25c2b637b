package kz.aifc.expat.document;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import kz.aifc.expat.document.support.Fixtures;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.document.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13: a case sent back after its documents were approved (after booking, or after the visit when a state body
 * asks for a corrected document) reopens for exactly the documents asked for; approving them again publishes a new
 * round, telling scheduling-service whether a visit is still needed. And the issued document of a completed case
 * comes back to the company as an outcome document.
 */
@QuarkusTest
class SendBackAndOutcomeTest {

    /** Every mandatory upload approved: documents.approved round 1; returns document ids by document code. */
    private static Map<String, String> approvedCase(String app, JsonPath checklist) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String code : Fixtures.expected().mandatoryUploads()) {
            ids.put(code, Fixtures.upload(Tokens.hrAcme(), app, Fixtures.requirementId(checklist, code), "f.pdf",
                    "application/pdf", Fixtures.pdf(300)).then().statusCode(201).extract().path("id"));
        }
        ids.values().forEach(id -> Fixtures.review(Tokens.officer(), id, "APPROVED", null).then().statusCode(200));
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", app).then().body("status", is("APPROVED"));
        return ids;
    }

    /** application.changes-requested as application-service publishes it. */
    private static void sentBack(String app, String fromState, boolean originalsReceived, String documentCode) {
        KafkaProbe.send("expat.application", UUID.randomUUID().toString(), "application.changes-requested", app,
                "{\"applicationId\":\"" + app + "\",\"companyBin\":\"" + Fixtures.ACME + "\",\"round\":1,"
                        + "\"documents\":[{\"requirementId\":null,\"documentCode\":\"" + documentCode + "\","
                        + "\"reason\":\"the state body needs a sharper copy\"}],\"at\":\"2026-03-05T10:00:00Z\","
                        + "\"fromState\":\"" + fromState + "\",\"originalsReceived\":" + originalsReceived + "}");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", app).then()
                        .body("status", is("CHANGES_REQUESTED")));
    }

    @Test
    void afterTheVisitOnlyTheDocumentAskedForTakesANewVersionAndNoBookingIsAskedFor() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        Map<String, String> docs = approvedCase(app, checklist);
        List<String> codes = List.copyOf(docs.keySet());
        String asked = codes.get(0);
        sentBack(app, "IN_PROCESSING", true, asked);

        // another document stays as approved: 422 naming what was asked for
        if (codes.size() > 1) {
            Fixtures.upload(Tokens.hrAcme(), app, Fixtures.requirementId(checklist, codes.get(1)), "x.pdf",
                            "application/pdf", Fixtures.pdf(300)).then().statusCode(422)
                    .body("rule", is("not-requested")).body("requested", hasItem(asked));
        }
        try (KafkaProbe probe = new KafkaProbe("expat.document")) {
            String second = Fixtures.upload(Tokens.hrAcme(), app, Fixtures.requirementId(checklist, asked), "v2.pdf",
                    "application/pdf", Fixtures.pdf(350)).then().statusCode(201).body("version", is(2))
                    .body("round", is(2)).extract().path("id");
            Fixtures.review(Tokens.officer(), second, "APPROVED", null).then().statusCode(200);
            List<ConsumerRecord<String, String>> approved = probe.exactly(
                    KafkaProbe.ofType("documents.approved", app), 1, Duration.ofSeconds(30));
            assertEquals(1, approved.size());
            assertTrue(approved.get(0).value().contains("\"round\":2"), approved.get(0).value());
            assertTrue(approved.get(0).value().contains("\"bookingNeeded\":false"), approved.get(0).value());
        }
    }

    @Test
    void sentBackAfterBookingTheNewApprovalStillNeedsTheVisit() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        Map<String, String> docs = approvedCase(app, checklist);
        String asked = docs.keySet().iterator().next();
        sentBack(app, "APPOINTMENT_BOOKED", false, asked);
        try (KafkaProbe probe = new KafkaProbe("expat.document")) {
            String second = Fixtures.upload(Tokens.hrAcme(), app, Fixtures.requirementId(checklist, asked), "v2.pdf",
                    "application/pdf", Fixtures.pdf(350)).then().statusCode(201).extract().path("id");
            Fixtures.review(Tokens.officer(), second, "APPROVED", null).then().statusCode(200);
            String json = probe.exactly(KafkaProbe.ofType("documents.approved", app), 1, Duration.ofSeconds(30))
                    .get(0).value();
            assertTrue(json.contains("\"bookingNeeded\":true"), json);
        }
    }

    @Test
    void theIssuedDocumentIsUploadedByAnOfficerAndDownloadedByTheCompanyOnly() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        byte[] visa = Fixtures.pdf(2_000);
        // the company cannot upload an outcome; an applicant neither; anonymous is 401
        RestAssured.given().auth().oauth2(Tokens.hrAcme()).multiPart("file", "visa.pdf", visa, "application/pdf")
                .post("/api/v1/applications/{a}/outcome-documents", app).then().statusCode(403);
        RestAssured.given().multiPart("file", "visa.pdf", visa, "application/pdf")
                .post("/api/v1/applications/{a}/outcome-documents", app).then().statusCode(401);
        // same type rules as any upload
        RestAssured.given().auth().oauth2(Tokens.officer()).multiPart("file", "visa.exe", "MZ...".getBytes(),
                        "application/octet-stream")
                .post("/api/v1/applications/{a}/outcome-documents", app).then().statusCode(415);
        String id;
        try (KafkaProbe probe = new KafkaProbe("expat.document")) {
            id = RestAssured.given().auth().oauth2(Tokens.officer()).multiPart("file", "visa C3.pdf", visa,
                            "application/pdf")
                    .post("/api/v1/applications/{a}/outcome-documents", app).then().statusCode(201)
                    .header("Location", containsString("/api/v1/outcome-documents/"))
                    .body("filename", equalTo("visa C3.pdf")).body("size", is(visa.length))
                    .body("sha256", notNullValue()).extract().path("id");
            String event = probe.exactly(KafkaProbe.ofType("document.outcome-uploaded", app), 1,
                    Duration.ofSeconds(30)).get(0).value();
            assertTrue(event.contains(id) && event.contains(Fixtures.ACME), event);
        }
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/outcome-documents", app).then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).body("id", hasItem(id));
        byte[] downloaded = as(Tokens.hrAcme()).get("/api/v1/outcome-documents/{id}/content", id).then()
                .statusCode(200).header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertArrayEquals(visa, downloaded);
        // another company sees neither the list nor the file
        as(Tokens.hrGlobex()).get("/api/v1/applications/{a}/outcome-documents", app).then().statusCode(404);
        as(Tokens.hrGlobex()).get("/api/v1/outcome-documents/{id}/content", id).then().statusCode(404);
        as(Tokens.applicant()).get("/api/v1/outcome-documents/{id}/content", id).then().statusCode(403);
        RestAssured.given().auth().oauth2(Tokens.officer()).multiPart("file", "v.pdf", visa, "application/pdf")
                .post("/api/v1/applications/{a}/outcome-documents", UUID.randomUUID()).then().statusCode(404);
    }
}
