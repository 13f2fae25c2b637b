package kz.aifc.expat.document;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import kz.aifc.expat.document.support.Fixtures;
import kz.aifc.expat.testing.SlowUpload;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A slow client never holds a store slot: with a single slot and a generous per-company limit, slow uploads of one
 * company still leave the slot to another company's upload (before the fix the first slow body held it until it
 * ended, and the other upload waited).
 */
@QuarkusTest
@TestProfile(StoreSlotTest.OneStoreSlot.class)
class StoreSlotTest {

    public static class OneStoreSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("expat.documents.max-concurrent-stores", "1",
                    "expat.documents.max-concurrent-uploads-per-company", "10",
                    "expat.documents.upload-rate-grace", "PT60S");
        }
    }

    @TestHTTPResource("/")
    URL service;

    @Test
    void slowBodiesHoldNoStoreSlot() throws Exception {
        JsonPath acme = Fixtures.readyChecklist(Fixtures.ACME);
        JsonPath globex = Fixtures.readyChecklist(Fixtures.GLOBEX);
        String code = Fixtures.mandatoryUpload();
        List<SlowUpload> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                slow.add(new SlowUpload(service.getPort(), SlowUploadTest.uploadPath(acme.getString("applicationId"),
                        Fixtures.requirementId(acme, code)), Tokens.hrAcme()));
            }
            // all three are being received (in the old design each was then waiting in the store with a slot)
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                    io.restassured.RestAssured.given().get(Fixtures.management("/q/metrics")).asString().lines()
                            .filter(l -> l.startsWith("expat_documents_uploads_in_progress"))
                            .anyMatch(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 3));
            for (int i = 0; i < 2; i++) {
                // bounded so that a regression fails instead of hanging: the slot would be held for hours
                Fixtures.as(Tokens.hrGlobex()).config(io.restassured.RestAssured.config().httpClient(
                                io.restassured.config.HttpClientConfig.httpClientConfig()
                                        .setParam("http.socket.timeout", 60_000)))
                        .multiPart("file", "normal.pdf", Fixtures.pdf(150_000), "application/pdf")
                        .post("/api/v1/applications/{a}/requirements/{r}/documents", globex.getString("applicationId"),
                                Fixtures.requirementId(globex, code))
                        .then().statusCode(201).body("sha256", notNullValue());
            }
            slow.forEach(s -> assertFalse(s.answered(), "a slow upload ended before the other company's uploads"));
        } finally {
            for (SlowUpload s : slow) {
                s.close();
            }
        }
    }
}
