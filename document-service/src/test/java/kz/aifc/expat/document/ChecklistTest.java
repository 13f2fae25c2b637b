package kz.aifc.expat.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import kz.aifc.expat.document.model.Checklist;
import kz.aifc.expat.document.model.ChecklistStatus;
import kz.aifc.expat.document.model.Delivery;
import kz.aifc.expat.document.model.Requirement;
import kz.aifc.expat.document.service.ReviewService;
import kz.aifc.expat.document.support.CatalogProbe;
import kz.aifc.expat.document.support.CatalogProbe.Profile;
import kz.aifc.expat.document.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.aifc.expat.document.support.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ChecklistTest {

    @Inject
    ReviewService review;

    @Test
    void submissionBuildsTheChecklistFromTheCatalogForTheProfileAndDate() {
        Profile branchFamily = new Profile("BRANCH", "FAMILY_MEMBER", "C3");
        // 00:30 on 1 January 2026 in Almaty is still 31 December 2025 in UTC, a date no catalog version covers:
        // the checklist only builds if the catalog is asked for the office date
        String submittedAt = "2025-12-31T19:30:00Z";
        LocalDate officeDate = LocalDate.of(2026, 1, 1);
        assertEquals(officeDate, Fixtures.officeDate(submittedAt));
        assertEquals(404, CatalogProbe.status(Fixtures.SERVICE, branchFamily, LocalDate.of(2025, 12, 31)));
        CatalogProbe.Checklist expected = CatalogProbe.checklist(Fixtures.SERVICE, branchFamily, officeDate);
        // the profile matters: a branch's family member gets documents a company's principal does not
        assertNotEquals(Fixtures.expected().codes(), expected.codes());

        UUID app = Fixtures.submit(Fixtures.ACME, Fixtures.SERVICE, branchFamily, submittedAt);
        JsonPath checklist = Fixtures.awaitChecklist(app, true);
        assertEquals(expected.catalogVersion(), checklist.getString("catalogVersion"));
        assertEquals(Fixtures.ACME, checklist.getString("companyBin"));
        assertEquals(Fixtures.SERVICE, checklist.getString("serviceCode"));
        assertEquals("OPEN", checklist.getString("status"));
        assertEquals(expected.codes(), checklist.getList("requirements.documentCode"));
        for (CatalogProbe.Item item : expected.items()) {
            String path = "requirements.find { it.documentCode == '" + item.documentCode() + "' }.";
            assertEquals(item.title(), checklist.getString(path + "title"));
            assertEquals(item.mandatory(), checklist.getBoolean(path + "mandatory"), item.documentCode());
            assertEquals(item.delivery(), checklist.getString(path + "delivery"), item.documentCode());
            assertEquals(item.notarised(), checklist.getBoolean(path + "notarised"), item.documentCode());
            assertEquals(item.legalised(), checklist.getBoolean(path + "legalised"), item.documentCode());
            assertEquals(item.uploadRequired(), checklist.getBoolean(path + "uploadRequired"), item.documentCode());
            assertNull(checklist.get(path + "current"));
        }
        assertFalse(expected.optionalUploads().isEmpty(), "the chosen service should have an optional document");
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", app).then().statusCode(200);
        as(Tokens.partnerAcme()).get("/api/v1/applications/{a}/checklist", app).then().statusCode(200);
    }

    @Test
    void aDocumentBroughtOnlyAsAnOriginalNeedsNoUpload() {
        CatalogProbe.Checklist expected = CatalogProbe.checklist(Fixtures.ORIGINALS_SERVICE,
                Fixtures.ORIGINALS_PROFILE, Fixtures.officeDate(Fixtures.SUBMITTED_AT));
        assertFalse(expected.originalsOnly().isEmpty(), "the chosen service should have an original-only document");
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.GLOBEX, Fixtures.ORIGINALS_SERVICE,
                Fixtures.ORIGINALS_PROFILE);
        assertEquals(expected.codes(), checklist.getList("requirements.documentCode"));
        for (String code : expected.originalsOnly()) {
            String path = "requirements.find { it.documentCode == '" + code + "' }.";
            assertFalse(checklist.getBoolean(path + "uploadRequired"), code);
            assertEquals("ORIGINAL_AT_VISIT", checklist.getString(path + "delivery"));
        }
        for (String code : expected.mandatoryUploads()) {
            assertTrue(checklist.getBoolean("requirements.find { it.documentCode == '" + code
                    + "' }.uploadRequired"), code);
        }
    }

    @Test
    void aRepeatedSubmissionEventDoesNotDuplicateTheChecklist() {
        int expected = Fixtures.expected().items().size();
        UUID app = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        Fixtures.submitWithId(app, eventId, Fixtures.ACME, Fixtures.SERVICE, Fixtures.PROFILE, Fixtures.SUBMITTED_AT);
        Fixtures.awaitChecklist(app, true);
        Fixtures.submitWithId(app, eventId, Fixtures.ACME, Fixtures.SERVICE, Fixtures.PROFILE, Fixtures.SUBMITTED_AT);
        Fixtures.submitWithId(app, UUID.randomUUID().toString(), Fixtures.GLOBEX, Fixtures.ORIGINALS_SERVICE,
                Fixtures.ORIGINALS_PROFILE, Fixtures.SUBMITTED_AT);
        // a later marker event on the same key (so the same partition) proves the duplicates were consumed
        UUID marker = UUID.randomUUID();
        Fixtures.submitWithId(marker, UUID.randomUUID().toString(), app.toString(), Fixtures.ACME, Fixtures.SERVICE,
                Fixtures.PROFILE, Fixtures.SUBMITTED_AT);
        Fixtures.awaitChecklist(marker, true);
        as(Tokens.officer()).get("/api/v1/applications/{a}/checklist", app).then().statusCode(200)
                .body("companyBin", equalTo(Fixtures.ACME)).body("serviceCode", equalTo(Fixtures.SERVICE))
                .body("requirements.size()", is(expected));
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

    /**
     * No service of the real catalog has a checklist of originals only, so this case is set up in our own tables
     * (the state loadItems leaves before it asks for approval) rather than with an invented catalog answer: one
     * checklist holding just the real original-only document of {@link Fixtures#ORIGINALS_SERVICE}.
     */
    @Test
    void aChecklistWithNothingToUploadIsApprovedAtOnce() {
        CatalogProbe.Item item = CatalogProbe.checklist(Fixtures.ORIGINALS_SERVICE, Fixtures.ORIGINALS_PROFILE,
                        Fixtures.officeDate(Fixtures.SUBMITTED_AT)).items().stream()
                .filter(i -> !i.uploadRequired()).findFirst().orElseThrow();
        UUID app = UUID.randomUUID();
        try (KafkaProbe probe = new KafkaProbe("expat.document")) {
            boolean approved = QuarkusTransaction.requiringNew().call(() -> {
                Checklist checklist = new Checklist();
                checklist.id = UUID.randomUUID();
                checklist.applicationId = app;
                checklist.companyBin = Fixtures.GLOBEX;
                checklist.serviceCode = Fixtures.ORIGINALS_SERVICE;
                checklist.asOf = Fixtures.officeDate(Fixtures.SUBMITTED_AT);
                checklist.profile = Fixtures.ORIGINALS_PROFILE.json();
                checklist.status = ChecklistStatus.OPEN;
                checklist.round = 1;
                checklist.itemsLoaded = true;
                checklist.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                checklist.persist();
                Requirement original = new Requirement();
                original.id = UUID.randomUUID();
                original.checklistId = checklist.id;
                original.documentCode = item.documentCode();
                original.title = item.title();
                original.mandatory = item.mandatory();
                original.delivery = Delivery.valueOf(item.delivery());
                original.persist();
                Checklist.getEntityManager().flush();
                return review.approveIfComplete(checklist, "system");
            });
            assertTrue(approved);
            var events = probe.exactly(KafkaProbe.ofType("documents.approved", app.toString()), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, events.size());
            JsonPath event = JsonPath.from(events.get(0).value());
            assertEquals(Fixtures.GLOBEX, event.getString("companyBin"));
            assertEquals(Fixtures.ORIGINALS_SERVICE, event.getString("serviceCode"));
            assertEquals(1, event.getInt("round"));
        }
        as(Tokens.hrGlobex()).get("/api/v1/applications/{a}/checklist", app).then()
                .body("status", equalTo("APPROVED")).body("ready", is(true));
    }
}
