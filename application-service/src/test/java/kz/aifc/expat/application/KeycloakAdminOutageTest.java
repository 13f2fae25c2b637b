package kz.aifc.expat.application;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import kz.aifc.expat.testing.TcpForwarder;
import kz.aifc.expat.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static kz.aifc.expat.application.Api.*;
import static org.hamcrest.Matchers.*;

/**
 * Case assignment asks Keycloak who holds the officer role; with its admin API unreachable the answer is 503 and the
 * case stays unassigned — never an assignment to a name nobody checked.
 */
@QuarkusTest
@TestProfile(KeycloakAdminOutageTest.KeycloakAdminBehindForwarder.class)
class KeycloakAdminOutageTest {

    static final URI KEYCLOAK = URI.create("http://127.0.0.1:8180");

    /** The admin client points at a forwarder port, closed (connection refused) until the test opens it. */
    public static class KeycloakAdminBehindForwarder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.keycloak-admin.url",
                    TcpForwarder.url("keycloak-admin") + "/admin/realms/expat");
        }
    }

    @BeforeEach
    void companies() {
        ensureCompanies();
    }

    @Test
    void assigningAnswers503WhileKeycloakIsUnreachableAndWorksAfter() throws Exception {
        String app = createApp(Tokens.hrAcme(), workVisa(defaultPerson(Tokens.hrAcme())));
        action(Tokens.hrAcme(), app, "submit", null).then().statusCode(200);
        as(Tokens.admin()).body(Map.of("officer", "officer2")).post("/api/v1/applications/" + app + "/assign")
                .then().statusCode(503).contentType(containsString("application/problem+json"))
                .header("Retry-After", notNullValue());
        as(Tokens.officer()).get("/api/v1/applications/" + app).then().body("assignee", nullValue());

        try (TcpForwarder keycloak = new TcpForwarder("keycloak-admin", KEYCLOAK)) {
            keycloak.open();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    as(Tokens.admin()).body(Map.of("officer", "officer2"))
                            .post("/api/v1/applications/" + app + "/assign").statusCode() == 200);
        }
        as(Tokens.officer()).get("/api/v1/applications/" + app).then().body("assignee", is("officer2"));
    }
}
