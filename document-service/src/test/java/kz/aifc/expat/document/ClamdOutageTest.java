package kz.aifc.expat.document;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.aifc.expat.document.service.ScanService;
import kz.aifc.expat.document.support.Fixtures;
import kz.aifc.expat.testing.TcpForwarder;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static kz.aifc.expat.document.support.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;

/** Scanner down → the upload is kept PENDING_SCAN (never accepted unscanned) and scanned once clamd is back. */
@QuarkusTest
@TestProfile(ClamdOutageTest.ClamdBehindForwarder.class)
class ClamdOutageTest {

    public static class ClamdBehindForwarder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("expat.documents.scan.clamd.port", Integer.toString(TcpForwarder.port("clamd")),
                    "expat.documents.scan.clamd.timeout", "3s");
        }
    }

    /** The sweep's schedule is off in tests: the test runs it when clamd is back. */
    @Inject
    ScanService scans;

    @Test
    void anUploadWhileClamdIsDownStaysPendingAndIsScannedOnceItIsBack() throws Exception {
        try (TcpForwarder clamd = new TcpForwarder("clamd", URI.create("tcp://127.0.0.1:3310"))) {
            JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
            String app = checklist.getString("applicationId");
            String clean = Fixtures.upload(Tokens.hrAcme(), app,
                            Fixtures.requirementId(checklist, Fixtures.mandatoryUpload()), "p.pdf", "application/pdf",
                            Fixtures.pdf(5000))
                    .then().statusCode(201).body("status", equalTo("PENDING_SCAN")).extract().path("id");
            as(Tokens.hrAcme()).get("/api/v1/documents/{id}/content", clean).then().statusCode(409)
                    .contentType("application/problem+json");
            Fixtures.review(Tokens.officer(), clean, "APPROVED", null).then().statusCode(422)
                    .body("rule", equalTo("not-reviewable"));
            scans.scanPending(); // still down: nothing changes
            as(Tokens.hrAcme()).get("/api/v1/documents/{id}", clean).then().body("status", equalTo("PENDING_SCAN"));

            JsonPath other = Fixtures.readyChecklist(Fixtures.ACME);
            String infected = Fixtures.upload(Tokens.hrAcme(), other.getString("applicationId"),
                            Fixtures.requirementId(other, Fixtures.mandatoryUpload()), "p.pdf", "application/pdf",
                            ScanTest.withEicarAt(100))
                    .then().statusCode(201).body("status", equalTo("PENDING_SCAN")).extract().path("id");

            clamd.open();
            scans.scanPending(); // reads both back from the store
            as(Tokens.hrAcme()).get("/api/v1/documents/{id}", clean).then().body("status", equalTo("UPLOADED"));
            as(Tokens.hrAcme()).get("/api/v1/documents/{id}/content", clean).then().statusCode(200);
            as(Tokens.officer()).get("/api/v1/documents/{id}", infected).then().body("status", equalTo("INFECTED"));
        }
    }
}
