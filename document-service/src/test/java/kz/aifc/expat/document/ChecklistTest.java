package kz.aifc.expat.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.testing.KafkaProbe;
import kz.aifc.expat.defaults.testing.Tokens;
import kz.aifc.expat.document.service.ChecklistService;
import kz.aifc.expat.document.support.CatalogStub;
import kz.aifc.expat.document.support.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.aifc.expat.document.support.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(CatalogStub.class)
class ChecklistTest {

    @Inject
    ChecklistService checklists;

    @Test
    void submissionBuildsTheChecklistFromTheCatalogForTheProfileAndDate() {
        UUID app = Fixtures.submit(Fixtures.ACME, Fixtures.SERVICE, "2026-03-01T10:00:00Z");
        JsonPath checklist = Fixtures.awaitChecklist(app, true);
        assertEquals("stub:2026-03-01:C3", checklist.getString("catalogVersion"));
        assertEquals(Fixtures.ACME, checklist.getString("companyBin"));
        assertEquals(Fixtures.SERVICE, checklist.getString("serviceCode"));
        assertEquals("OPEN", checklist.getString("status"));
        assertEquals(4, checklist.getList("requirements").size());
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", app).then().statusCode(200)
                .body("requirements.find { it.documentCode == 'PASSPORT_COPY' }.uploadRequired", is(true))
                .body("requirements.find { it.documentCode == 'PASSPORT_COPY' }.mandatory", is(true))
                .body("requirements.find { it.documentCode == 'PASSPORT_COPY' }.current", nullValue())
                .body("requirements.find { it.documentCode == 'CV' }.mandatory", is(false))
                .body("requirements.find { it.documentCode == 'STATE_DUTY_PAYMENT_ORIGINAL' }.uploadRequired",
                        is(false))
                .body("requirements.find { it.documentCode == 'STATE_DUTY_PAYMENT_ORIGINAL' }.delivery",
                        equalTo("ORIGINAL_AT_VISIT"));
        as(Tokens.partnerAcme()).get("/api/v1/applications/{a}/checklist", app).then().statusCode(200);
    }

    @Test
    void aRepeatedSubmissionEventDoesNotDuplicateTheChecklist() {
        UUID app = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        Fixtures.submitWithId(app, eventId, Fixtures.ACME, Fixtures.SERVICE, "2026-03-01T10:00:00Z");
        Fixtures.awaitChecklist(app, true);
        Fixtures.submitWithId(app, eventId, Fixtures.ACME, Fixtures.SERVICE, "2026-03-01T10:00:00Z");
        Fixtures.submitWithId(app, UUID.randomUUID().toString(), Fixtures.GLOBEX, "iin", "2026-03-01T10:00:00Z");
        // a later marker event on the same key proves the duplicates were consumed before we look
        UUID marker = Fixtures.submit(Fixtures.ACME, Fixtures.SERVICE, "2026-03-01T10:00:00Z");
        Fixtures.awaitChecklist(marker, true);
        as(Tokens.officer()).get("/api/v1/applications/{a}/checklist", app).then().statusCode(200)
                .body("companyBin", equalTo(Fixtures.ACME)).body("requirements.size()", is(4));
    }

    @Test
    void otherCompaniesApplicantsAndAnonymousCannotSeeAChecklist() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        as(Tokens.hrGlobex()).get("/api/v1/applications/{a}/checklist", app).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://expat.aifc.kz/problems/not-found"));
        as(Tokens.applicant()).get("/api/v1/applications/{a}/checklist", app).then().statusCode(403);
        given().get("/api/v1/applications/{a}/checklist", app).then().statusCode(401);
        as(Tokens.officer()).get("/api/v1/applications/{a}/checklist", UUID.randomUUID()).then().statusCode(404);
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/retention-audit", app).then().statusCode(403);
    }

    @Test
    void aChecklistTheCatalogCouldNotDeliverIsLoadedLater() {
        UUID app = Fixtures.submit(Fixtures.ACME, "flaky-" + UUID.randomUUID(), "2026-03-01T10:00:00Z");
        Fixtures.awaitChecklist(app, false);
        // uploads wait for the checklist
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", app).then()
                .body("ready", is(false)).body("requirements.size()", is(0));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            checklists.retryUnloaded();
            as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", app).then()
                    .body("ready", is(true)).body("requirements.size()", is(4));
        });
    }

    @Test
    void aChecklistWithNothingToUploadIsApprovedAtOnce() {
        try (KafkaProbe probe = new KafkaProbe("expat.document")) {
            UUID app = Fixtures.submit(Fixtures.GLOBEX, "originals-only", "2026-03-01T10:00:00Z");
            Fixtures.awaitChecklist(app, true);
            var approved = probe.await(KafkaProbe.ofType("documents.approved", app.toString()), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, approved.size());
            JsonPath event = JsonPath.from(approved.get(0).value());
            assertEquals(Fixtures.GLOBEX, event.getString("companyBin"));
            assertEquals("originals-only", event.getString("serviceCode"));
        }
    }
}
