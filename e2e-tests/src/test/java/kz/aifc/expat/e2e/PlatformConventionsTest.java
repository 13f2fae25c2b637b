package kz.aifc.expat.e2e;

import io.restassured.RestAssured;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Issue #2's conventions, checked on every running service: ready, documented, metered, secured by the real
 * Keycloak, and answering errors as problem+json.
 */
class PlatformConventionsTest {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void isReadyAndLive(Services service) {
        given().baseUri(service.managementUrl()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"));
        given().baseUri(service.managementUrl()).get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void servesOpenApiAndSwaggerUiAndMetrics(Services service) {
        given().baseUri(service.url()).accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).body("openapi", containsString("3."));
        given().baseUri(service.url()).redirects().follow(true).get("/q/swagger-ui/")
                .then().statusCode(200);
        given().baseUri(service.managementUrl()).get("/q/metrics")
                .then().statusCode(200).body(containsString("http_server_requests"));
    }

    /** Security #14.3: the public HTTP port serves neither metrics nor health detail (management interface only). */
    @ParameterizedTest
    @EnumSource(Services.class)
    void metricsAndHealthAreNotServedOnThePublicPort(Services service) {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready")) {
            given().baseUri(service.url()).get(path).then().statusCode(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void acceptsARealKeycloakTokenWithItsRolesAndCompany(Services service) {
        given().baseUri(service.url()).auth().oauth2(Tokens.hrAcme()).get("/api/v1/me")
                .then().statusCode(200)
                .body("name", equalTo("hr.acme"))
                .body("roles", hasItem("company-hr"))
                .body("companyBin", equalTo("180340021791"));
        given().baseUri(service.url()).auth().oauth2(Tokens.partnerGlobex()).get("/api/v1/me")
                .then().statusCode(200)
                .body("roles", hasItem("partner"))
                .body("companyBin", equalTo("190540001230"));
        given().baseUri(service.url()).auth().oauth2(Tokens.officer()).get("/api/v1/me")
                .then().statusCode(200)
                .body("roles", hasItem("officer"))
                .body("roles", not(hasItem("company-hr")));
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void refusesMissingAndForgedTokensAsProblemJson(Services service) {
        given().baseUri(service.url()).get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://expat.aifc.kz/problems/unauthorized"))
                .body("status", equalTo(401));
        String forged = Tokens.hrAcme();
        forged = forged.substring(0, forged.length() - 6) + "AAAAAA"; // signature no longer matches
        given().baseUri(service.url()).auth().oauth2(forged).get("/api/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void unknownRoutesAndMethodsAreProblemJson(Services service) {
        given().baseUri(service.url()).get("/api/v1/no-such-route")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://expat.aifc.kz/problems/not-found"));
        given().baseUri(service.url()).auth().oauth2(Tokens.hrAcme()).delete("/api/v1/me")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void oversizeBodiesAreRefusedWith413ProblemJson(Services service) {
        byte[] body = new byte[26 * 1024 * 1024]; // over the 25 MB HTTP limit
        given().baseUri(service.url()).auth().oauth2(Tokens.hrAcme()).contentType("application/json").body(body)
                .post("/api/v1/me")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://expat.aifc.kz/problems/payload-too-large"));
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void corsPreflightIsAnsweredForTheConfiguredOrigin(Services service) {
        given().baseUri(service.url())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/me")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
    }
}
