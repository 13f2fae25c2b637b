package kz.aifc.expat.document;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import kz.aifc.expat.document.support.CatalogProbe;
import kz.aifc.expat.document.support.Fixtures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static kz.aifc.expat.document.support.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class ReviewTest {

    /** An application of the default service with its checklist, and what the real catalog says it contains. */
    record Case(JsonPath checklist, CatalogProbe.Checklist catalog) {

        String app() {
            return checklist.getString("applicationId");
        }

        String requirement(String documentCode) {
            return Fixtures.requirementId(checklist, documentCode);
        }

        List<String> mandatory() {
            return catalog.mandatoryUploads();
        }
    }

    private static Case newCase() {
        return new Case(Fixtures.readyChecklist(Fixtures.ACME), Fixtures.expected());
    }

    private static String upload(Case c, String documentCode) {
        return Fixtures.upload(Tokens.hrAcme(), c.app(), c.requirement(documentCode), "f.pdf", "application/pdf",
                Fixtures.pdf(400)).then().statusCode(201).extract().path("id");
    }

    /** Uploads every mandatory document; returns document ids by document code, in catalog order. */
    private static Map<String, String> uploadMandatory(Case c) {
        Map<String, String> ids = new LinkedHashMap<>();
        c.mandatory().forEach(code -> ids.put(code, upload(c, code)));
        return ids;
    }

    @Test
    void approvedIsPublishedExactlyOnceEvenWithDuplicateReviews() throws Exception {
        Case c = newCase();
        Map<String, String> documents = uploadMandatory(c);
        List<String> ids = new ArrayList<>(documents.values());
        String last = ids.remove(ids.size() - 1);
        try (KafkaProbe probe = new KafkaProbe("expat.document")) {
            for (String id : ids) {
                Fixtures.review(Tokens.officer(), id, "APPROVED", null).then().statusCode(200)
                        .body("status", equalTo("APPROVED")).body("reviewedBy", equalTo("officer1"));
            }
            // the last mandatory approval, sent many times at once by two officers, plus an Idempotency-Key replay
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String token = i % 2 == 0 ? Tokens.officer() : Tokens.admin();
                results.add(pool.submit(() -> Fixtures.review(token, last, "APPROVED", null).statusCode()));
            }
            for (Future<Integer> result : results) {
                assertEquals(200, result.get());
            }
            pool.shutdown();
            String key = UUID.randomUUID().toString();
            for (int i = 0; i < 2; i++) {
                as(Tokens.officer()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                        .body("{\"decision\":\"APPROVED\"}").post("/api/v1/documents/{id}/review", last)
                        .then().statusCode(200);
            }

            List<ConsumerRecord<String, String>> approved = probe.exactly(
                    KafkaProbe.ofType("documents.approved", c.app()), 1, Duration.ofSeconds(20));
            assertEquals(1, approved.size(), "documents.approved must be published once");
            JsonPath event = JsonPath.from(approved.get(0).value());
            assertEquals(Fixtures.ACME, event.getString("companyBin"));
            assertEquals(Fixtures.SERVICE, event.getString("serviceCode"));
            assertEquals(1, event.getInt("round"));
            assertEquals(c.app(), event.getString("applicationId"));
            // the optional documents were never uploaded: approval needs only the mandatory upload requirements
            assertFalse(c.catalog().optionalUploads().isEmpty());
            List<ConsumerRecord<String, String>> reviewed = probe.exactly(
                    KafkaProbe.ofType("document.reviewed", c.app()), documents.size(), Duration.ofSeconds(20));
            assertEquals(documents.size(), reviewed.size(), "a repeated decision is not a new review");
        }
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", c.app()).then()
                .body("status", equalTo("APPROVED"));
        // after approval the company cannot replace documents and officers cannot reverse decisions
        String first = c.mandatory().get(0);
        Fixtures.upload(Tokens.hrAcme(), c.app(), c.requirement(first), "f.pdf", "application/pdf", Fixtures.pdf(10))
                .then().statusCode(422).body("rule", equalTo("documents-already-approved"));
        Fixtures.review(Tokens.officer(), documents.get(first), "REJECTED", "changed my mind").then()
                .statusCode(422);
    }

    @Test
    void rejectionsFinishARoundAndTheNextUploadStartsANewOne() {
        Case c = newCase();
        Map<String, String> documents = uploadMandatory(c);
        // one document gets rejected, every other one approved
        String rejectedCode = c.mandatory().get(c.mandatory().size() - 1);
        String keptCode = c.mandatory().get(0);
        String rejected = documents.get(rejectedCode);
        documents.forEach((code, id) -> {
            if (!code.equals(rejectedCode)) {
                Fixtures.review(Tokens.officer(), id, "APPROVED", null).then().statusCode(200);
            }
        });
        // a rejection needs a reason
        Fixtures.review(Tokens.officer(), rejected, "REJECTED", null).then().statusCode(400)
                .contentType("application/problem+json");
        Fixtures.review(Tokens.officer(), rejected, "REJECTED", "The scan is blurred").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("The scan is blurred"));
        // the company sees the reason
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", c.app()).then()
                .body("requirements.find { it.documentCode == '" + rejectedCode + "' }.current.rejectionReason",
                        equalTo("The scan is blurred"));
        // companies cannot review or finish rounds
        Fixtures.review(Tokens.hrAcme(), rejected, "APPROVED", null).then().statusCode(403);
        as(Tokens.hrAcme()).post("/api/v1/applications/{a}/review-rounds/current/finish", c.app())
                .then().statusCode(403);

        try (KafkaProbe probe = new KafkaProbe("expat.document")) {
            as(Tokens.officer()).post("/api/v1/applications/{a}/review-rounds/current/finish", c.app())
                    .then().statusCode(200).body("round", is(1)).body("outcome", equalTo("CHANGES_REQUESTED"))
                    .body("rejected.size()", is(1));
            // finishing twice is refused
            as(Tokens.officer()).post("/api/v1/applications/{a}/review-rounds/current/finish", c.app())
                    .then().statusCode(409);
            List<ConsumerRecord<String, String>> requested = probe.exactly(
                    KafkaProbe.ofType("documents.changes-requested", c.app()), 1, Duration.ofSeconds(20));
            assertEquals(1, requested.size());
            JsonPath event = JsonPath.from(requested.get(0).value());
            assertEquals(Fixtures.ACME, event.getString("companyBin"));
            assertEquals(Fixtures.SERVICE, event.getString("serviceCode"));
            assertEquals(1, event.getInt("round"));
            assertEquals(rejectedCode, event.getString("rejected[0].documentCode"));
            assertEquals(c.requirement(rejectedCode), event.getString("rejected[0].requirementId"));
            assertEquals("The scan is blurred", event.getString("rejected[0].reason"));
        }
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", c.app()).then()
                .body("status", equalTo("CHANGES_REQUESTED")).body("round", is(1));

        String replacement = upload(c, rejectedCode);
        as(Tokens.officer()).get("/api/v1/applications/{a}/checklist", c.app()).then()
                .body("status", equalTo("OPEN")).body("round", is(2))
                .body("requirements.find { it.documentCode == '" + rejectedCode + "' }.changedSinceLastRound",
                        is(true))
                .body("requirements.find { it.documentCode == '" + rejectedCode + "' }.current.round", is(2))
                .body("requirements.find { it.documentCode == '" + keptCode + "' }.changedSinceLastRound",
                        is(false));
        // the old version cannot be reviewed any more
        Fixtures.review(Tokens.officer(), rejected, "APPROVED", null).then().statusCode(409)
                .body("type", equalTo("https://expat.aifc.kz/problems/superseded"));
        try (KafkaProbe probe = new KafkaProbe("expat.document")) {
            Fixtures.review(Tokens.officer(), replacement, "APPROVED", null).then().statusCode(200);
            List<ConsumerRecord<String, String>> approved = probe.exactly(
                    KafkaProbe.ofType("documents.approved", c.app()), 1, Duration.ofSeconds(20));
            assertEquals(1, approved.size());
            assertEquals(2, JsonPath.from(approved.get(0).value()).getInt("round"));
        }
    }

    @Test
    void aRoundCannotFinishWhileDocumentsAwaitADecision() {
        Case c = newCase();
        String code = c.mandatory().get(0);
        upload(c, code);
        as(Tokens.officer()).post("/api/v1/applications/{a}/review-rounds/current/finish", c.app())
                .then().statusCode(422).body("rule", equalTo("review-incomplete"))
                .body("unreviewed", equalTo(List.of(code)));
    }

    @Test
    void aRoundWithOnlyMissingMandatoryDocumentsAsksForThem() {
        Case c = newCase();
        String cv = upload(c, c.catalog().optionalUploads().get(0));
        Fixtures.review(Tokens.officer(), cv, "APPROVED", null).then().statusCode(200);
        JsonPath round = as(Tokens.officer()).post("/api/v1/applications/{a}/review-rounds/current/finish", c.app())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(c.mandatory(), round.getList("rejected.documentCode"),
                "optional documents are not asked for");

        // nor are documents brought as originals at the visit
        JsonPath originals = Fixtures.readyChecklist(Fixtures.ACME, Fixtures.ORIGINALS_SERVICE,
                Fixtures.ORIGINALS_PROFILE);
        CatalogProbe.Checklist catalog = CatalogProbe.checklist(Fixtures.ORIGINALS_SERVICE,
                Fixtures.ORIGINALS_PROFILE, Fixtures.officeDate(Fixtures.SUBMITTED_AT));
        assertFalse(catalog.originalsOnly().isEmpty());
        JsonPath originalsRound = as(Tokens.officer())
                .post("/api/v1/applications/{a}/review-rounds/current/finish", originals.getString("applicationId"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(catalog.mandatoryUploads(), originalsRound.getList("rejected.documentCode"));
    }

    @Test
    void anotherCompanyCannotSeeOrTouchTheReview() {
        Case c = newCase();
        String document = upload(c, c.mandatory().get(0));
        Fixtures.review(Tokens.officer(), document, "REJECTED", "blurred scan").then().statusCode(200);
        // Acme reads the decision; Globex reads nothing of it on any route that shows it (404, as for no id)
        as(Tokens.hrAcme()).get("/api/v1/documents/{id}", document).then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        for (String token : List.of(Tokens.hrGlobex(), Tokens.partnerGlobex())) {
            as(token).get("/api/v1/documents/{id}", document).then().statusCode(404);
            as(token).get("/api/v1/applications/{a}/documents", c.app()).then().statusCode(404);
            as(token).get("/api/v1/applications/{a}/checklist", c.app()).then().statusCode(404);
        }
        // and no company decides a review, its own or another's
        Fixtures.review(Tokens.hrGlobex(), document, "APPROVED", null).then().statusCode(403);
        Fixtures.review(Tokens.hrAcme(), document, "APPROVED", null).then().statusCode(403);
        Fixtures.review(Tokens.officer(), UUID.randomUUID().toString(), "APPROVED", null).then().statusCode(404);
        as(Tokens.officer()).post("/api/v1/applications/{a}/review-rounds/current/finish", UUID.randomUUID())
                .then().statusCode(404);
        as(Tokens.officer()).contentType(ContentType.JSON).body("{\"decision\":\"MAYBE\"}")
                .post("/api/v1/documents/{id}/review", document).then().statusCode(400);
    }
}
