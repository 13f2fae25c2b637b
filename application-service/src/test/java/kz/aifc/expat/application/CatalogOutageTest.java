package kz.aifc.expat.application;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import kz.aifc.expat.testing.TcpForwarder;
import kz.aifc.expat.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static kz.aifc.expat.application.Api.*;
import static org.hamcrest.Matchers.*;

/** The catalog client points at a closed port (connection refused); a forwarder to the real catalog ends the outage. */
@QuarkusTest
@TestProfile(CatalogBehindForwarder.class)
class CatalogOutageTest {

    @BeforeEach
    void companies() {
        ensureCompanies();
    }

    @Test
    void draftsAndSubmissionsAnswer503WhileTheCatalogIsDownAndWorkAfter() throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", defaultPerson(Tokens.hrAcme()));
        body.put("serviceCode", "arrival-notification");
        body.put("consent", consent());
        // a draft's service and options are checked against the catalog: during the outage, 503 (nothing stored)
        as(Tokens.hrAcme()).body(body).post("/api/v1/applications").then().statusCode(503)
                .contentType(containsString("application/problem+json")).header("Retry-After", notNullValue());

        String app;
        try (TcpForwarder catalog = new TcpForwarder("catalog", URI.create(CatalogBehindForwarder.CATALOG_URL))) {
            catalog.open();
            // once the catalog is reachable (and the circuit half-opens) the draft is created
            String[] created = new String[1];
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                var r = as(Tokens.hrAcme()).body(body).post("/api/v1/applications");
                created[0] = r.statusCode() == 201 ? r.path("id") : null;
                return created[0] != null;
            });
            app = created[0];
        }
        // the catalog is gone again: the submission answers 503 and the draft stays a draft
        action(Tokens.hrAcme(), app, "submit", null).then().statusCode(503)
                .contentType(containsString("application/problem+json")).header("Retry-After", notNullValue());
        assertState(app, "DRAFT");
        try (TcpForwarder catalog = new TcpForwarder("catalog", URI.create(CatalogBehindForwarder.CATALOG_URL))) {
            catalog.open();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    action(Tokens.hrAcme(), app, "submit", null).statusCode() == 200);
        }
        assertState(app, "SUBMITTED");
    }

    private static void assertState(String app, String expected) {
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().statusCode(200).body("state", is(expected));
    }
}
