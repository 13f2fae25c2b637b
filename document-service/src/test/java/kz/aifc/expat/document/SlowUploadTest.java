package kz.aifc.expat.document;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.aifc.expat.document.support.Fixtures;
import kz.aifc.expat.testing.SlowUpload;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static kz.aifc.expat.document.support.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Security finding #14.2: slow upload bodies of one company stalled every company's uploads. Now a company has at
 * most 3 uploads in flight (429 beyond, at once), a body slower than the minimum rate is cut off after the grace
 * period (408, nothing kept), and another company's upload goes through meanwhile.
 */
@QuarkusTest
class SlowUploadTest {

    @TestHTTPResource("/")
    URL service;

    static String uploadPath(String applicationId, String requirementId) {
        return "/api/v1/applications/" + applicationId + "/requirements/" + requirementId + "/documents";
    }

    @Test
    void slowUploadsOfOneCompanyLeaveAnotherCompanysUploadUnaffected() throws Exception {
        JsonPath acme = Fixtures.readyChecklist(Fixtures.ACME);
        JsonPath globex = Fixtures.readyChecklist(Fixtures.GLOBEX);
        String code = Fixtures.mandatoryUpload();
        String acmeApp = acme.getString("applicationId");
        String acmeRequirement = Fixtures.requirementId(acme, code);

        List<SlowUpload> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                slow.add(new SlowUpload(service.getPort(), uploadPath(acmeApp, acmeRequirement), Tokens.hrAcme()));
            }
            // the three are being received (the service has started on them: their permits are taken) ...
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    Fixtures.upload(Tokens.hrAcme(), acmeApp, acmeRequirement, "4th.pdf", "application/pdf",
                                    Fixtures.pdf(150)).then().statusCode(429)
                            .contentType("application/problem+json")
                            .header("Retry-After", notNullValue())
                            .body("type", equalTo("https://expat.aifc.kz/problems/too-many-uploads")));

            // ... and Globex's ordinary upload is stored while they still trickle
            Fixtures.upload(Tokens.hrGlobex(), globex.getString("applicationId"),
                            Fixtures.requirementId(globex, code), "normal.pdf", "application/pdf", Fixtures.pdf(150))
                    .then().statusCode(201).body("status", notNullValue());
            slow.forEach(s -> assertFalse(s.answered(), "a slow upload ended before the other company's upload"));

            // below the minimum rate after the grace period: 408 and nothing of them is kept
            for (SlowUpload s : slow) {
                assertEquals(408, s.status().get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", acmeApp).then().statusCode(200)
                    .body("requirements.find { it.documentCode == '" + code + "' }.versions", is(0));
            // the company's permits are back
            Fixtures.upload(Tokens.hrAcme(), acmeApp, acmeRequirement, "after.pdf", "application/pdf",
                    Fixtures.pdf(150)).then().statusCode(201);
        } finally {
            for (SlowUpload s : slow) {
                s.close();
            }
        }
    }
}
