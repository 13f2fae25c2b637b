package kz.aifc.expat.document;

import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.aifc.expat.document.support.Fixtures;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static kz.aifc.expat.document.support.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scanning is on by default and done by the local stack's real clamd (deploy/local/clamav: its own signature file
 * with the EICAR test string). The upload answers with the verdict when clamd answers.
 */
@QuarkusTest
class ScanTest {

    static final byte[] EICAR = ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-" + "TEST-FILE!$H+H*")
            .getBytes(StandardCharsets.US_ASCII);

    @Inject
    MinioClient minio;

    @Test
    void aCleanFileIsScannedByClamdBeforeTheUploadAnswers() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String id = Fixtures.upload(Tokens.hrAcme(), app, Fixtures.requirementId(checklist, Fixtures.mandatoryUpload()),
                        "p.pdf", "application/pdf", Fixtures.pdf(5000))
                .then().statusCode(201).body("status", equalTo("UPLOADED")).extract().path("id");
        as(Tokens.hrAcme()).get("/api/v1/documents/{id}/content", id).then().statusCode(200);
        Fixtures.review(Tokens.officer(), id, "APPROVED", null).then().statusCode(200);
    }

    @Test
    void theEicarTestFileIsQuarantinedWhereverItSitsInTheStream() throws Exception {
        // at the start, and straddling the scanner's 64 KiB INSTREAM chunks
        for (int offset : List.of(0, 65_536 - 30, 200_000)) {
            JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
            String app = checklist.getString("applicationId");
            String requirement = Fixtures.requirementId(checklist, Fixtures.mandatoryUpload());
            byte[] pdf = withEicarAt(offset);
            String id = Fixtures.upload(Tokens.hrAcme(), app, requirement, "p.pdf", "application/pdf", pdf)
                    .then().statusCode(201).body("status", equalTo("INFECTED"))
                    .body("rejectionReason", startsWith("Malware found: Expat.Test.EICAR")).extract().path("id");
            // quarantined, not deleted: the object stays, but nobody gets it through the API
            assertTrue(exists("applications/" + app + "/" + requirement + "/" + id), "object kept at " + offset);
            as(Tokens.hrAcme()).get("/api/v1/documents/{id}/content", id).then().statusCode(409)
                    .contentType("application/problem+json");
            as(Tokens.officer()).get("/api/v1/documents/{id}/content", id).then().statusCode(409);
            Fixtures.review(Tokens.officer(), id, "APPROVED", null).then().statusCode(422)
                    .body("rule", equalTo("not-reviewable"));
            // officers see it in the checklist as infected
            as(Tokens.officer()).get("/api/v1/applications/{a}/checklist", app).then().statusCode(200)
                    .body("requirements.find { it.id == '" + requirement + "' }.current.status",
                            equalTo("INFECTED"));
        }
    }

    @Test
    void aStringThatIsAlmostEicarIsClean() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        byte[] pdf = withEicarAt(1000);
        pdf[9 + 1000 + EICAR.length - 1] = 'X';
        Fixtures.upload(Tokens.hrAcme(), checklist.getString("applicationId"),
                        Fixtures.requirementId(checklist, Fixtures.mandatoryUpload()), "p.pdf", "application/pdf", pdf)
                .then().statusCode(201).body("status", equalTo("UPLOADED"));
    }

    static byte[] withEicarAt(int offset) {
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = Fixtures.pdf(offset + EICAR.length + 1000);
        byte[] pdf = new byte[head.length + body.length];
        System.arraycopy(head, 0, pdf, 0, head.length);
        System.arraycopy(body, 0, pdf, head.length, body.length);
        System.arraycopy(EICAR, 0, pdf, head.length + offset, EICAR.length);
        return pdf;
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
