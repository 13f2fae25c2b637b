package kz.aifc.expat.document;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.aifc.expat.testing.TcpForwarder;
import kz.aifc.expat.testing.Tokens;
import kz.aifc.expat.document.service.ChecklistLoader;
import kz.aifc.expat.document.support.CatalogProbe;
import kz.aifc.expat.document.support.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.document.support.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * catalog-service is down (nothing listens where the service looks for it): application.submitted still creates the
 * checklist, not ready; once the catalog answers again the loader job builds it from the real catalog, even when an
 * older checklist is one the catalog refuses for good.
 */
@QuarkusTest
@TestProfile(CatalogOutageTest.CatalogDown.class)
class CatalogOutageTest {

    public static class CatalogDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.catalog.url", TcpForwarder.url("catalog"));
        }
    }

    /** The scheduler is off in tests: the test runs the loader job when it wants a retry. */
    @Inject
    ChecklistLoader checklists;

    @Test
    void aChecklistTheCatalogCouldNotDeliverIsBuiltOnceTheCatalogIsBack() throws Exception {
        try (TcpForwarder catalog = new TcpForwarder("catalog", URI.create(CatalogProbe.URL))) {
            // an older checklist the catalog will keep refusing (404: no such service) must not hold this one back
            UUID refused = UUID.randomUUID();
            Fixtures.submitAsIs(refused, UUID.randomUUID().toString(), refused.toString(), Fixtures.ACME,
                    "no-such-service", "1", Fixtures.PROFILE, Fixtures.SUBMITTED_AT);
            Fixtures.awaitChecklist(refused, false);
            UUID app = Fixtures.submit(Fixtures.ACME, Fixtures.SERVICE, Fixtures.PROFILE, Fixtures.SUBMITTED_AT);
            // the event is consumed (not left to block the partition); the checklist exists but waits for the catalog
            JsonPath pending = Fixtures.awaitChecklist(app, false);
            assertEquals("OPEN", pending.getString("status"));
            assertEquals(0, pending.getList("requirements").size());
            checklists.retryUnloaded();
            as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", app).then().statusCode(200)
                    .body("ready", is(false)).body("requirements.size()", is(0));
            // nothing to review yet
            as(Tokens.officer()).post("/api/v1/applications/{a}/review-rounds/current/finish", app)
                    .then().statusCode(422).body("rule", equalTo("checklist-not-ready"));

            catalog.open();
            CatalogProbe.Checklist expected = Fixtures.expected();
            // the circuit breaker may still be open for a while after the failures: retry until it lets calls through
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        checklists.retryUnloaded();
                        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", app).then()
                                .body("ready", is(true));
                    });
            JsonPath built = as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", app).then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(expected.codes(), built.getList("requirements.documentCode"));
            assertEquals(expected.catalogVersion(), built.getString("catalogVersion"));
            assertEquals("OPEN", built.getString("status"));
            // the refused one is still waiting (the catalog does not know its service) and blocked nothing
            checklists.retryUnloaded();
            as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", refused).then().statusCode(200)
                    .body("ready", is(false));
        }
    }
}
