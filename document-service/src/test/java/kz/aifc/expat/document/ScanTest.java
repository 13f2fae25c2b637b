package kz.aifc.expat.document;

import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.aifc.expat.testing.Tokens;
import kz.aifc.expat.document.service.ScanService;
import kz.aifc.expat.document.support.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static kz.aifc.expat.document.support.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With scanning on, documents wait in PENDING_SCAN; the EICAR test file is caught. */
@QuarkusTest
@TestProfile(ScanTest.ScanOn.class)
class ScanTest {

    public static class ScanOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("expat.documents.scan.enabled", "true", "expat.documents.scan.every", "off");
        }
    }

    @Inject
    MinioClient minio;

    /** The scheduler is off in this profile: tests run the scanner when they want the verdict. */
    @Inject
    ScanService scanner;

    @Test
    void aCleanFileIsReviewableOnlyAfterTheScan() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String id = Fixtures.upload(Tokens.hrAcme(), app, Fixtures.requirementId(checklist, Fixtures.mandatoryUpload()),
                        "p.pdf", "application/pdf", Fixtures.pdf(5000))
                .then().statusCode(201).body("status", equalTo("PENDING_SCAN")).extract().path("id");
        // not downloadable or reviewable before the verdict
        as(Tokens.hrAcme()).get("/api/v1/documents/{id}/content", id).then().statusCode(409)
                .contentType("application/problem+json");
        Fixtures.review(Tokens.officer(), id, "APPROVED", null).then().statusCode(422)
                .body("rule", equalTo("not-reviewable"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            scanner.scanPending();
            as(Tokens.hrAcme()).get("/api/v1/documents/{id}", id).then().body("status", equalTo("UPLOADED"));
        });
        as(Tokens.hrAcme()).get("/api/v1/documents/{id}/content", id).then().statusCode(200);
        Fixtures.review(Tokens.officer(), id, "APPROVED", null).then().statusCode(200);
    }

    @Test
    void theEicarTestFileIsCaughtAndItsObjectDeleted() throws Exception {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String requirement = Fixtures.requirementId(checklist, Fixtures.mandatoryUpload());
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        pdf.writeBytes(Fixtures.pdf(100_000)); // the signature straddles read chunks somewhere after this
        pdf.writeBytes(("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-" + "TEST-FILE!$H+H*")
                .getBytes(StandardCharsets.US_ASCII));
        String id = Fixtures.upload(Tokens.hrAcme(), app, requirement, "p.pdf", "application/pdf", pdf.toByteArray())
                .then().statusCode(201).body("status", equalTo("PENDING_SCAN")).extract().path("id");
        String key = "applications/" + app + "/" + requirement + "/" + id;
        assertTrue(exists(key));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            scanner.scanPending();
            as(Tokens.officer()).get("/api/v1/documents/{id}", id).then().body("status", equalTo("INFECTED"))
                    .body("rejectionReason", startsWith("Malware found"));
        });
        assertFalse(exists(key));
        as(Tokens.officer()).get("/api/v1/documents/{id}/content", id).then().statusCode(409);
        Fixtures.review(Tokens.officer(), id, "APPROVED", null).then().statusCode(422)
                .body("rule", equalTo("not-reviewable"));
    }

    private boolean exists(String key) throws Exception {
        try {
            minio.statObject(StatObjectArgs.builder().bucket("expat-documents-test").object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            return false;
        }
    }
}
