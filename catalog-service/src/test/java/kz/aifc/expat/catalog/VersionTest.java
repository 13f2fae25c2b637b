package kz.aifc.expat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Versions by effective date: as-of reads, publishing with full validation and an event, old versions unchanged. */
@QuarkusTest
class VersionTest {

    static ObjectNode content(int version) {
        JsonNode v = Api.getOk(RestAssured.given(), "/api/v1/catalog/versions/" + version);
        return (ObjectNode) v.get("content").deepCopy();
    }

    static LocalDate farFuture() {
        return LocalDate.now().plusYears(60).plusDays(ThreadLocalRandom.current().nextInt(0, 30_000));
    }

    static Response publish(String token, LocalDate effectiveFrom, JsonNode content) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("effectiveFrom", effectiveFrom.toString());
        body.set("content", content);
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString())
                .post("/api/v1/catalog/versions");
    }

    static ObjectNode service(ObjectNode content, String code) {
        for (JsonNode s : content.get("services")) {
            if (s.get("code").asText().equals(code)) {
                return (ObjectNode) s;
            }
        }
        throw new AssertionError(code);
    }

    @Test
    void readsDefaultToTheVersionInForceTodayAndAsOfBeforeTheGuideIsA404() {
        JsonNode versions = Api.getOk(RestAssured.given(), "/api/v1/catalog/versions");
        JsonNode first = versions.get(0);
        assertEquals(1, first.get("version").asInt());
        assertEquals("2026-01-01", first.get("effectiveFrom").asText());
        RestAssured.get("/api/v1/services/iin/fees").then().statusCode(200).body("catalogVersion", equalTo(1));
        RestAssured.get("/api/v1/services/iin?asOf=2026-01-01").then().statusCode(200)
                .body("catalogVersion", equalTo(1));
        RestAssured.get("/api/v1/services/iin?asOf=2025-12-31").then().statusCode(404)
                .contentType("application/problem+json");
        RestAssured.get("/api/v1/services?version=999999").then().statusCode(404);
    }

    @Test
    void publishingANewVersionLeavesTheOldOneUnchangedAndEmitsCatalogPublished() throws Exception {
        LocalDate from = farFuture();
        int newFee = 731_000 + ThreadLocalRandom.current().nextInt(1, 100_000);
        ObjectNode content = content(1);
        ((ObjectNode) content.get("guide")).put("effectiveFrom", from.toString());
        ObjectNode fee = (ObjectNode) service(content, "work-visa-issuance").get("fees").get("serviceFees").get(0);
        fee.put("amount", newFee + ".00");
        // the new version also adds a document to the invitation's checklist
        ArrayNode docs = (ArrayNode) service(content, "work-visa-invitation").get("documents");
        ObjectNode photo = Api.JSON.createObjectNode();
        photo.put("document", "photo").put("delivery", "UPLOAD").put("notarised", false).put("legalised", false);
        photo.set("conditions", Api.JSON.createArrayNode());
        docs.add(photo);

        int version;
        try (KafkaProbe probe = new KafkaProbe("expat.catalog")) {
            Response created = publish(Tokens.admin(), from, content);
            created.then().statusCode(201).body("effectiveFrom", equalTo(from.toString()))
                    .body("publishedBy", equalTo("admin"));
            version = created.jsonPath().getInt("version");
            assertTrue(created.header("Location").endsWith("/api/v1/catalog/versions/" + version));
            List<ConsumerRecord<String, String>> events = probe.exactly(
                    KafkaProbe.ofType("catalog.published", String.valueOf(version)), 1, Duration.ofSeconds(20));
            assertEquals(1, events.size(), "one catalog.published for version " + version);
            JsonNode data = Api.JSON.readTree(events.get(0).value());
            assertEquals(version, data.get("version").asInt());
            assertEquals(from.toString(), data.get("effectiveFrom").asText());
            assertTrue(data.hasNonNull("publishedAt"));
        }
        assertTrue(version > 1);

        // as of its effective date the new version is read...
        String fees = "/api/v1/services/work-visa-issuance/fees?asOf=" + from;
        RestAssured.get(fees).then().statusCode(200).body("catalogVersion", equalTo(version))
                .body("serviceFees[0].amount", equalTo((float) newFee));
        JsonNode checklist = Api.getOk(RestAssured.given(),
                "/api/v1/services/work-visa-invitation/checklist?asOf=" + from);
        assertTrue(checklist.toString().contains("\"documentCode\":\"photo\""));
        // ...the day before it is not
        RestAssured.get("/api/v1/services/work-visa-issuance/fees?asOf=" + from.minusDays(1)).then()
                .statusCode(200).body("catalogVersion", org.hamcrest.Matchers.not(equalTo(version)));
        // today's reads and version 1 are unchanged
        RestAssured.get("/api/v1/services/work-visa-issuance/fees").then().body("catalogVersion", equalTo(1))
                .body("serviceFees[0].amount", equalTo(730000.00f));
        RestAssured.get("/api/v1/services/work-visa-issuance/fees?version=1&asOf=" + from).then()
                .body("serviceFees[0].amount", equalTo(730000.00f));
        JsonNode v1 = Api.getOk(RestAssured.given(), "/api/v1/services/work-visa-invitation/checklist?version=1");
        assertTrue(!v1.toString().contains("\"documentCode\":\"photo\""));
        JsonNode list = Api.getOk(RestAssured.given(), "/api/v1/catalog/versions");
        assertTrue(list.toString().contains("\"version\":" + version));
        RestAssured.get("/api/v1/catalog/versions/" + version).then().statusCode(200)
                .body("content.guide.effectiveFrom", equalTo(from.toString()));

        // a second version with the same date is a conflict
        publish(Tokens.admin(), from, content).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anInvalidCatalogueIsA422ListingEveryProblemAndNothingIsPublished() {
        LocalDate from = farFuture();
        ObjectNode content = content(1);
        ((ObjectNode) content.get("guide")).put("effectiveFrom", from.toString());
        ObjectNode invitation = service(content, "work-visa-invitation");
        invitation.put("group", "NO_SUCH_GROUP");
        ObjectNode firstDoc = (ObjectNode) invitation.get("documents").get(0);
        firstDoc.put("document", "no-such-document");
        ArrayNode conditions = Api.JSON.createArrayNode();
        conditions.addObject().put("kind", "CHILD_AGE_BETWEEN").put("min", 18).put("max", 14);
        conditions.addObject().put("kind", "LEGAL_FORM_IN").set("values", Api.JSON.createArrayNode().add("PALACE"));
        conditions.addObject().put("kind", "VISA_CATEGORY_IN").set("values", Api.JSON.createArrayNode().addNull());
        firstDoc.set("conditions", conditions);
        ((ObjectNode) service(content, "iin").get("fees").get("serviceFees").get(0)).put("amount", "-5");
        service(content, "iin").put("documentsFrom", "work-visa-issuance");

        int before = Api.getOk(RestAssured.given(), "/api/v1/catalog/versions").size();
        publish(Tokens.admin(), from, content).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://expat.aifc.kz/problems/catalog-invalid"))
                .body("errors.field", hasItem("content.services[19].fees.serviceFees[0].amount"));
        // bean-validation problems are reported first; fix that one and the cross-reference problems show
        ((ObjectNode) service(content, "iin").get("fees").get("serviceFees").get(0)).put("amount", "20000.00");
        publish(Tokens.admin(), from, content).then().statusCode(422)
                .body("errors.field", hasItems("content.services[0].group",
                        "content.services[0].documents[0].document",
                        "content.services[0].documents[0].conditions[0]",
                        "content.services[0].documents[0].conditions[1].values",
                        "content.services[0].documents[0].conditions[2].values",
                        "content.services[19].documents"));
        assertEquals(before, Api.getOk(RestAssured.given(), "/api/v1/catalog/versions").size());
    }

    @Test
    void malformedPublishRequestsAreRefused() {
        ObjectNode content = content(1);
        // unknown field in the content
        ObjectNode bad = content.deepCopy();
        bad.put("surprise", true);
        LocalDate from = farFuture();
        ((ObjectNode) bad.get("guide")).put("effectiveFrom", from.toString());
        publish(Tokens.admin(), from, bad).then().statusCode(422).body("errors[0].field",
                equalTo("content.surprise"));
        // effective date in the past
        ObjectNode past = content.deepCopy();
        ((ObjectNode) past.get("guide")).put("effectiveFrom", "2026-02-01");
        publish(Tokens.admin(), LocalDate.of(2026, 2, 1), past).then().statusCode(422)
                .body("rule", equalTo("effective-date-in-past"));
        // guide date must match the version's date
        ObjectNode mismatch = content.deepCopy();
        publish(Tokens.admin(), farFuture(), mismatch).then().statusCode(422)
                .body("errors[0].field", equalTo("content.guide.effectiveFrom"));
        RestAssured.given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/catalog/versions").then().statusCode(400)
                .body("errors.field", hasItems("effectiveFrom", "content"));
    }

    @Test
    void publishingIsAdminOnly() {
        ObjectNode content = content(1);
        LocalDate from = farFuture();
        ((ObjectNode) content.get("guide")).put("effectiveFrom", from.toString());
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("effectiveFrom", from.toString());
        body.set("content", content);
        RestAssured.given().contentType(ContentType.JSON).body(body.toString()).post("/api/v1/catalog/versions")
                .then().statusCode(401).contentType("application/problem+json");
        for (String token : new String[]{Tokens.hrAcme(), Tokens.officer(), Tokens.applicant(),
                Tokens.partnerAcme()}) {
            publish(token, from, content).then().statusCode(403).contentType("application/problem+json");
        }
        JsonNode versions = Api.getOk(RestAssured.given(), "/api/v1/catalog/versions");
        versions.forEach(v -> assertNotEquals(from.toString(), v.get("effectiveFrom").asText()));
    }
}
