package kz.aifc.expat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security findings #14.6 and #14.13, checked on the running Keycloak: access tokens live 5 minutes, brute-force
 * detection is on with a temporary lockout, only the local CLI client may use the password grant, and the services
 * accept only tokens of the Expat API's audience.
 */
class RealmPolicyTest {

    private static final String KEYCLOAK = "http://127.0.0.1:8180";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void accessTokensLiveFiveMinutes() throws Exception {
        for (String token : new String[] {Tokens.hrAcme(), Tokens.partnerAcme()}) {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            assertEquals(300, claims.get("exp").asLong() - claims.get("iat").asLong(), claims.toString());
        }
    }

    /**
     * #14.6: the services accept only tokens issued for the Expat API (audience expat-api). Every client of the realm
     * that calls them adds that audience; a token the same realm signed for another client (here a throw-away client
     * created for the test, with the password grant, without the audience) is refused by every service.
     */
    @Test
    void onlyTokensForTheExpatApiAudienceAreAccepted() throws Exception {
        for (String token : new String[] {Tokens.hrAcme(), Tokens.partnerAcme(), Tokens.officer()}) {
            JsonNode aud = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("aud");
            assertTrue(aud != null && aud.toString().contains("\"expat-api\""), "audience of a demo token: " + aud);
        }
        String admin = masterAdminToken();
        String clientId = "e2e-no-audience-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String location = RestAssured.given().auth().oauth2(admin).contentType("application/json")
                .body(java.util.Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false))
                .post(KEYCLOAK + "/admin/realms/expat/clients").then().statusCode(201).extract().header("Location");
        try {
            String foreign = RestAssured.given().formParam("grant_type", "password").formParam("client_id", clientId)
                    .formParam("username", "hr.acme").formParam("password", Tokens.DEMO_PASSWORD)
                    .post(KEYCLOAK + "/realms/expat/protocol/openid-connect/token").then().statusCode(200).extract()
                    .path("access_token");
            JsonNode aud = JSON.readTree(Base64.getUrlDecoder().decode(foreign.split("\\.")[1])).get("aud");
            assertTrue(aud == null || !aud.toString().contains("\"expat-api\""), "the test client's token: " + aud);
            for (Services service : Services.all()) {
                RestAssured.given().baseUri(service.url()).auth().oauth2(foreign).get("/api/v1/me").then()
                        .statusCode(401);
                RestAssured.given().baseUri(service.url()).auth().oauth2(Tokens.hrAcme()).get("/api/v1/me").then()
                        .statusCode(200);
            }
        } finally {
            RestAssured.given().auth().oauth2(admin).delete(location).then().statusCode(204);
        }
    }

    private static String masterAdminToken() {
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
    }

    @Test
    void bruteForceDetectionIsOnAndOnlyTheCliClientHasThePasswordGrant() throws Exception {
        String admin = masterAdminToken();
        JsonNode realm = JSON.readTree(RestAssured.given().auth().oauth2(admin).get(KEYCLOAK + "/admin/realms/expat")
                .then().statusCode(200).extract().asString().getBytes(StandardCharsets.UTF_8));
        assertTrue(realm.get("bruteForceProtected").asBoolean(), "brute-force detection");
        assertEquals(false, realm.get("permanentLockout").asBoolean());
        assertTrue(realm.get("failureFactor").asInt() > 0 && realm.get("failureFactor").asInt() <= 10);
        JsonNode clients = JSON.readTree(RestAssured.given().auth().oauth2(admin)
                .get(KEYCLOAK + "/admin/realms/expat/clients").then().statusCode(200).extract().asString());
        for (JsonNode client : clients) {
            String id = client.get("clientId").asText();
            boolean password = client.path("directAccessGrantsEnabled").asBoolean(false);
            if (password) {
                assertEquals("expat-cli", id, "only the local CLI client may use the password grant");
            }
        }
        // the realm's built-in admin-cli gives no token at all, so none can be presented to a service
        RestAssured.given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "hr.acme").formParam("password", Tokens.DEMO_PASSWORD)
                .post(KEYCLOAK + "/realms/expat/protocol/openid-connect/token").then().statusCode(
                        org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(401)));
    }
}
