package kz.aifc.expat.application;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.expat.testing.Tokens;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
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
@WithTestResource(value = ClosedClientPort.class, initArgs = {@ResourceArg(name = "client", value = "keycloak-admin"),
        @ResourceArg(name = "real-url", value = "http://127.0.0.1:8180/admin/realms/expat")})
class KeycloakAdminOutageTest {

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

        String closed = ConfigProvider.getConfig().getValue("quarkus.rest-client.keycloak-admin.url", String.class);
        URI real = URI.create(ConfigProvider.getConfig().getValue("test.keycloak-admin.real-url", String.class));
        try (TcpRelay ignored = new TcpRelay(URI.create(closed).getPort(), real.getHost(), real.getPort())) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    as(Tokens.admin()).body(Map.of("officer", "officer2"))
                            .post("/api/v1/applications/" + app + "/assign").statusCode() == 200);
        }
        as(Tokens.officer()).get("/api/v1/applications/" + app).then().body("assignee", is("officer2"));
    }
}
