package kz.aifc.expat.document;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import kz.aifc.expat.testing.Tokens;
import kz.aifc.expat.document.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static kz.aifc.expat.document.support.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** The object store is unreachable (its port is closed): uploads answer 503 and leave no metadata behind. */
@QuarkusTest
@TestProfile(StoreOutageTest.StoreDown.class)
class StoreOutageTest {

    public static class StoreDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.minio.port", "1");
        }
    }

    @Test
    void anUploadWhileTheStoreIsDownIs503AndLeavesNoMetadata() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String code = Fixtures.mandatoryUpload();
        String requirement = Fixtures.requirementId(checklist, code);
        Fixtures.upload(Tokens.hrAcme(), app, requirement, "p.pdf", "application/pdf", Fixtures.pdf(200_000))
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://expat.aifc.kz/problems/service-unavailable"));
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/documents", app).then().statusCode(200)
                .body("size()", is(0));
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", app).then()
                .body("requirements.find { it.documentCode == '" + code + "' }.versions", is(0));
    }

    @Test
    void readinessIsDownWhileTheStoreIsUnreachable() {
        given().get(Fixtures.management("/q/health/ready")).then().statusCode(503)
                .body("checks.name", hasItem("object-store"))
                .body("checks.find { it.name == 'object-store' }.status", equalTo("DOWN"));
    }
}
