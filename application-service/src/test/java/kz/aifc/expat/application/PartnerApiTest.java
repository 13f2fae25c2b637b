package kz.aifc.expat.application;

import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.application.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class PartnerApiTest {

    @BeforeEach
    void companies() {
        ensureCompanies();
    }

    @Test
    void sameIdempotencyKeyAndBodyReplaysTheFirstResult() {
        String person = defaultPerson(Tokens.partnerAcme());
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = workVisa(person);
        String first = as(Tokens.partnerAcme()).header("Idempotency-Key", key).body(body)
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        String second = as(Tokens.partnerAcme()).header("Idempotency-Key", key).body(body)
                .post("/api/v1/applications").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().path("id");
        assertEquals(first, second);
        long count = as(Tokens.partnerAcme()).queryParam("personId", person).get("/api/v1/applications").then()
                .statusCode(200).extract().jsonPath().getLong("total");
        assertEquals(1, count);

        Map<String, Object> other = workVisa(person);
        other.put("requestedVisaEnd", TODAY.plusMonths(6).toString());
        as(Tokens.partnerAcme()).header("Idempotency-Key", key).body(other).post("/api/v1/applications").then()
                .statusCode(422).body("rule", is("idempotency-key-reused"));
    }

    @Test
    void idempotentActionIsAppliedOnce() {
        String app = createApp(Tokens.partnerAcme(), workVisa(defaultPerson(Tokens.partnerAcme())));
        String key = UUID.randomUUID().toString();
        as(Tokens.partnerAcme()).header("Idempotency-Key", key).post("/api/v1/applications/" + app + "/submit")
                .then().statusCode(200).body("state", is("SUBMITTED"));
        // a retry of the same request replays instead of answering 409 "already submitted"
        as(Tokens.partnerAcme()).header("Idempotency-Key", key).post("/api/v1/applications/" + app + "/submit")
                .then().statusCode(200).body("state", is("SUBMITTED")).header("Idempotent-Replayed", "true");
        as(Tokens.partnerAcme()).get("/api/v1/applications/" + app + "/history").then()
                .body("action", contains("create", "submit"));
    }

    @Test
    void ifMatchRejectsAStaleVersion() {
        String person = defaultPerson(Tokens.hrAcme());
        String app = createApp(Tokens.hrAcme(), workVisa(person));
        String etag = as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        Map<String, Object> body = workVisa(person);
        body.put("requestedVisaEnd", TODAY.plusMonths(10).toString());
        String newTag = as(Tokens.hrAcme()).header("If-Match", etag).body(body).put("/api/v1/applications/" + app)
                .then().statusCode(200).body("requestedVisaEnd", is(TODAY.plusMonths(10).toString()))
                .extract().header("ETag");
        assertNotEquals(etag, newTag);
        as(Tokens.hrAcme()).header("If-Match", etag).body(body).put("/api/v1/applications/" + app).then()
                .statusCode(412).contentType(containsString("application/problem+json"))
                .body("currentETag", is(newTag));
        as(Tokens.hrAcme()).header("If-Match", etag).post("/api/v1/applications/" + app + "/submit").then()
                .statusCode(412);
        as(Tokens.hrAcme()).header("If-Match", newTag).post("/api/v1/applications/" + app + "/submit").then()
                .statusCode(200);

        String personTag = as(Tokens.hrAcme()).get("/api/v1/persons/" + person).then().statusCode(200).extract()
                .header("ETag");
        Map<String, Object> p = person("GBR", TODAY.plusYears(9));
        as(Tokens.hrAcme()).header("If-Match", personTag).body(p).put("/api/v1/persons/" + person).then()
                .statusCode(200);
        as(Tokens.hrAcme()).header("If-Match", personTag).body(p).put("/api/v1/persons/" + person).then()
                .statusCode(412);
    }

    @Test
    void replacingAnApplicationOrAPersonWithoutIfMatchIs428AndWeakTagsNeverMatch() {
        String person = defaultPerson(Tokens.hrAcme());
        String app = createApp(Tokens.hrAcme(), workVisa(person));
        String etag = as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().extract().header("ETag");
        Map<String, Object> body = workVisa(person);
        body.put("requestedVisaEnd", TODAY.plusMonths(11).toString());
        as(Tokens.hrAcme()).body(body).put("/api/v1/applications/" + app).then().statusCode(428)
                .contentType(containsString("application/problem+json"))
                .body("type", containsString("precondition-required"));
        as(Tokens.hrAcme()).header("If-Match", "W/" + etag).body(body).put("/api/v1/applications/" + app).then()
                .statusCode(412);
        as(Tokens.hrAcme()).header("If-Match", etag.replace("\"", "")).body(body).put("/api/v1/applications/" + app)
                .then().statusCode(412);
        // nothing was stored by the refused requests
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().header("ETag", is(etag))
                .body("requestedVisaEnd", not(TODAY.plusMonths(11).toString()));
        // a list of tags matches when one does; * matches whatever is current
        as(Tokens.hrAcme()).header("If-Match", "\"999\", " + etag).body(body).put("/api/v1/applications/" + app)
                .then().statusCode(200);
        as(Tokens.hrAcme()).header("If-Match", "*").body(body).put("/api/v1/applications/" + app).then()
                .statusCode(200);

        Map<String, Object> p = person("GBR", TODAY.plusYears(7));
        as(Tokens.hrAcme()).body(p).put("/api/v1/persons/" + person).then().statusCode(428);
        as(Tokens.hrAcme()).header("If-Match", " ").body(p).put("/api/v1/persons/" + person).then().statusCode(428);
        // actions stay usable without If-Match: the state machine checks them
        action(Tokens.hrAcme(), app, "submit", null).then().statusCode(200);
    }

    @Test
    void listFiltersByStatusEmployeeAndUpdatedSinceWithPaging() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);
        String person = defaultPerson(Tokens.hrAcme());
        String draft = createApp(Tokens.hrAcme(), workVisa(person));
        String submitted = createApp(Tokens.hrAcme(), workVisa(person));
        action(Tokens.hrAcme(), submitted, "submit", null).then().statusCode(200);

        as(Tokens.hrAcme()).queryParam("personId", person).get("/api/v1/applications").then().statusCode(200)
                .body("total", is(2)).body("items.id", containsInAnyOrder(draft, submitted));
        as(Tokens.hrAcme()).queryParam("personId", person).queryParam("status", "SUBMITTED")
                .get("/api/v1/applications").then().body("items.id", contains(submitted));
        as(Tokens.hrAcme()).queryParam("personId", person).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/applications").then().body("items", hasSize(1)).body("total", is(2))
                .body("page", is(1));
        as(Tokens.hrAcme()).queryParam("updatedSince", before.toString()).queryParam("size", 200)
                .get("/api/v1/applications").then().body("items.id", hasItems(draft, submitted));
        as(Tokens.hrAcme()).queryParam("personId", person)
                .queryParam("updatedSince", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString())
                .get("/api/v1/applications").then().body("total", is(0));
        as(Tokens.hrAcme()).queryParam("updatedSince", "yesterday").get("/api/v1/applications").then()
                .statusCode(400);
        as(Tokens.hrAcme()).queryParam("status", "NOPE").get("/api/v1/applications").then().statusCode(anyOf(
                is(400), is(404)));
        // another company never sees these
        as(Tokens.hrGlobex()).queryParam("personId", person).get("/api/v1/applications").then()
                .body("total", is(0));
    }

    @Test
    void anotherCompanysIdsAre404OnEveryRoute() {
        String person = defaultPerson(Tokens.hrAcme());
        String app = createApp(Tokens.hrAcme(), workVisa(person));
        String globex = Tokens.hrGlobex();
        String partnerGlobex = Tokens.partnerGlobex();
        for (String token : new String[]{globex, partnerGlobex}) {
            as(token).get("/api/v1/applications/" + app).then().statusCode(404)
                    .contentType(containsString("application/problem+json"));
            as(token).body(workVisa(person)).put("/api/v1/applications/" + app).then().statusCode(404);
            as(token).body(consent()).post("/api/v1/applications/" + app + "/consent").then().statusCode(404);
            for (String action : new String[]{"submit", "withdraw", "resubmit"}) {
                as(token).post("/api/v1/applications/" + app + "/" + action).then().statusCode(404);
            }
            as(token).get("/api/v1/applications/" + app + "/history").then().statusCode(404);
            as(token).get("/api/v1/persons/" + person).then().statusCode(404);
            as(token).body(person("GBR", TODAY.plusYears(5))).put("/api/v1/persons/" + person).then()
                    .statusCode(404);
            as(token).get("/api/v1/companies/" + ACME).then().statusCode(404);
            // referencing another company's person or principal application
            as(token).body(workVisa(person)).post("/api/v1/applications").then().statusCode(404);
        }
        String globexPerson = defaultPerson(globex);
        Map<String, Object> fam = workVisa(globexPerson);
        fam.put("applicantType", "FAMILY_MEMBER");
        fam.put("principalApplicationId", app);
        fam.put("relation", "SPOUSE");
        as(globex).body(fam).post("/api/v1/applications").then().statusCode(404);
        // and the owner still sees everything
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().statusCode(200);
        as(Tokens.hrAcme()).get("/api/v1/companies/" + ACME).then().statusCode(200);
        as(Tokens.officer()).get("/api/v1/applications/" + app).then().statusCode(200);
    }

    @Test
    void badInputIsA4xxProblem() {
        as(Tokens.hrAcme()).body("{\"personId\":\"not-a-uuid\"}").post("/api/v1/applications").then()
                .statusCode(400).contentType(containsString("application/problem+json"));
        Map<String, Object> p = person("gb", TODAY.plusYears(5));
        as(Tokens.hrAcme()).body(p).post("/api/v1/persons").then().statusCode(400)
                .body("errors.field", hasItem("citizenship"));
        as(Tokens.hrAcme()).get("/api/v1/applications/not-a-uuid").then().statusCode(anyOf(is(400), is(404)))
                .contentType(containsString("application/problem+json"));
        as(Tokens.hrAcme()).get("/api/v1/applications/" + UUID.randomUUID()).then().statusCode(404);
    }
}
