package kz.aifc.expat.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import kz.aifc.expat.defaults.testing.KafkaProbe;
import kz.aifc.expat.defaults.testing.Tokens;
import kz.aifc.expat.document.support.CatalogStub;
import kz.aifc.expat.document.support.Fixtures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static kz.aifc.expat.document.support.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(CatalogStub.class)
class ReviewTest {

    record Case(String app, String passport, String photo, String cv) {
    }

    private static Case newCase() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        return new Case(checklist.getString("applicationId"), Fixtures.requirementId(checklist, CatalogStub.PASSPORT),
                Fixtures.requirementId(checklist, CatalogStub.PHOTO), Fixtures.requirementId(checklist, CatalogStub.CV));
    }

    private static String upload(Case c, String requirement) {
        return Fixtures.upload(Tokens.hrAcme(), c.app(), requirement, "f.pdf", "application/pdf", Fixtures.pdf(400))
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void approvedIsPublishedExactlyOnceEvenWithDuplicateReviews() throws Exception {
        Case c = newCase();
        String passport = upload(c, c.passport());
        String photo = upload(c, c.photo());
        try (KafkaProbe probe = new KafkaProbe("expat.document")) {
            Fixtures.review(Tokens.officer(), passport, "APPROVED", null).then().statusCode(200)
                    .body("status", equalTo("APPROVED")).body("reviewedBy", equalTo("officer1"));
            // the last mandatory approval, sent many times at once by two officers, plus an Idempotency-Key replay
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String token = i % 2 == 0 ? Tokens.officer() : Tokens.admin();
                results.add(pool.submit(() -> Fixtures.review(token, photo, "APPROVED", null).statusCode()));
            }
            for (Future<Integer> result : results) {
                assertEquals(200, result.get());
            }
            pool.shutdown();
            String key = UUID.randomUUID().toString();
            for (int i = 0; i < 2; i++) {
                as(Tokens.officer()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                        .body("{\"decision\":\"APPROVED\"}").post("/api/v1/documents/{id}/review", photo)
                        .then().statusCode(200);
            }

            List<ConsumerRecord<String, String>> approved = probe.collect(
                    KafkaProbe.ofType("documents.approved", c.app()), Duration.ofSeconds(8));
            assertEquals(1, approved.size(), "documents.approved must be published once");
            JsonPath event = JsonPath.from(approved.get(0).value());
            assertEquals(Fixtures.ACME, event.getString("companyBin"));
            assertEquals(Fixtures.SERVICE, event.getString("serviceCode"));
            assertEquals(1, event.getInt("round"));
            assertEquals(c.app(), event.getString("applicationId"));
            // the optional CV was never uploaded: approval needs only the mandatory upload requirements
            List<ConsumerRecord<String, String>> reviewed = probe.collect(
                    KafkaProbe.ofType("document.reviewed", c.app()), Duration.ofSeconds(1));
            assertEquals(2, reviewed.size(), "a repeated decision is not a new review");
        }
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", c.app()).then()
                .body("status", equalTo("APPROVED"));
        // after approval the company cannot replace documents and officers cannot reverse decisions
        Fixtures.upload(Tokens.hrAcme(), c.app(), c.passport(), "f.pdf", "application/pdf", Fixtures.pdf(10))
                .then().statusCode(422).body("rule", equalTo("documents-already-approved"));
        Fixtures.review(Tokens.officer(), passport, "REJECTED", "changed my mind").then().statusCode(422);
    }

    @Test
    void rejectionsFinishARoundAndTheNextUploadStartsANewOne() {
        Case c = newCase();
        String passport = upload(c, c.passport());
        String photo = upload(c, c.photo());
        Fixtures.review(Tokens.officer(), passport, "APPROVED", null).then().statusCode(200);
        // a rejection needs a reason
        Fixtures.review(Tokens.officer(), photo, "REJECTED", null).then().statusCode(400)
                .contentType("application/problem+json");
        Fixtures.review(Tokens.officer(), photo, "REJECTED", "Photo is blurred").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("Photo is blurred"));
        // the company sees the reason
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", c.app()).then()
                .body("requirements.find { it.documentCode == 'PHOTO' }.current.rejectionReason",
                        equalTo("Photo is blurred"));
        // companies cannot review or finish rounds
        Fixtures.review(Tokens.hrAcme(), photo, "APPROVED", null).then().statusCode(403);
        as(Tokens.hrAcme()).post("/api/v1/applications/{a}/review-rounds/current/finish", c.app())
                .then().statusCode(403);

        try (KafkaProbe probe = new KafkaProbe("expat.document")) {
            as(Tokens.officer()).post("/api/v1/applications/{a}/review-rounds/current/finish", c.app())
                    .then().statusCode(200).body("round", is(1)).body("outcome", equalTo("CHANGES_REQUESTED"))
                    .body("rejected.size()", is(1));
            // finishing twice is refused
            as(Tokens.officer()).post("/api/v1/applications/{a}/review-rounds/current/finish", c.app())
                    .then().statusCode(409);
            List<ConsumerRecord<String, String>> requested = probe.await(
                    KafkaProbe.ofType("documents.changes-requested", c.app()), 1, Duration.ofSeconds(20));
            assertEquals(1, requested.size());
            JsonPath event = JsonPath.from(requested.get(0).value());
            assertEquals(Fixtures.ACME, event.getString("companyBin"));
            assertEquals(Fixtures.SERVICE, event.getString("serviceCode"));
            assertEquals(1, event.getInt("round"));
            assertEquals(CatalogStub.PHOTO, event.getString("rejected[0].documentCode"));
            assertEquals(c.photo(), event.getString("rejected[0].requirementId"));
            assertEquals("Photo is blurred", event.getString("rejected[0].reason"));
        }
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", c.app()).then()
                .body("status", equalTo("CHANGES_REQUESTED")).body("round", is(1));

        String photo2 = upload(c, c.photo());
        as(Tokens.officer()).get("/api/v1/applications/{a}/checklist", c.app()).then()
                .body("status", equalTo("OPEN")).body("round", is(2))
                .body("requirements.find { it.documentCode == 'PHOTO' }.changedSinceLastRound", is(true))
                .body("requirements.find { it.documentCode == 'PHOTO' }.current.round", is(2))
                .body("requirements.find { it.documentCode == 'PASSPORT_COPY' }.changedSinceLastRound", is(false));
        // the old version cannot be reviewed any more
        Fixtures.review(Tokens.officer(), photo, "APPROVED", null).then().statusCode(409)
                .body("type", equalTo("https://expat.aifc.kz/problems/superseded"));
        try (KafkaProbe probe = new KafkaProbe("expat.document")) {
            Fixtures.review(Tokens.officer(), photo2, "APPROVED", null).then().statusCode(200);
            List<ConsumerRecord<String, String>> approved = probe.await(
                    KafkaProbe.ofType("documents.approved", c.app()), 1, Duration.ofSeconds(20));
            assertEquals(1, approved.size());
            assertEquals(2, JsonPath.from(approved.get(0).value()).getInt("round"));
        }
    }

    @Test
    void aRoundCannotFinishWhileDocumentsAwaitADecision() {
        Case c = newCase();
        upload(c, c.passport());
        as(Tokens.officer()).post("/api/v1/applications/{a}/review-rounds/current/finish", c.app())
                .then().statusCode(422).body("rule", equalTo("review-incomplete"))
                .body("unreviewed[0]", equalTo(CatalogStub.PASSPORT));
    }

    @Test
    void aRoundWithOnlyMissingMandatoryDocumentsAsksForThem() {
        Case c = newCase();
        String cv = upload(c, c.cv());
        Fixtures.review(Tokens.officer(), cv, "APPROVED", null).then().statusCode(200);
        JsonPath round = as(Tokens.officer()).post("/api/v1/applications/{a}/review-rounds/current/finish", c.app())
                .then().statusCode(200).extract().jsonPath();
        List<String> codes = round.getList("rejected.documentCode");
        assertTrue(codes.containsAll(List.of(CatalogStub.PASSPORT, CatalogStub.PHOTO)), codes.toString());
        assertEquals(2, codes.size(), "originals at the visit and optional documents are not asked for");
    }

    @Test
    void anotherCompanyCannotSeeOrTouchTheReview() {
        Case c = newCase();
        String passport = upload(c, c.passport());
        Fixtures.review(Tokens.hrGlobex(), passport, "APPROVED", null).then().statusCode(403);
        Fixtures.review(Tokens.officer(), UUID.randomUUID().toString(), "APPROVED", null).then().statusCode(404);
        as(Tokens.officer()).post("/api/v1/applications/{a}/review-rounds/current/finish", UUID.randomUUID())
                .then().statusCode(404);
        as(Tokens.officer()).contentType(ContentType.JSON).body("{\"decision\":\"MAYBE\"}")
                .post("/api/v1/documents/{id}/review", passport).then().statusCode(400);
    }
}
