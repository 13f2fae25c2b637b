package kz.aifc.expat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ETags and 304s, list filters, MRP table and the exact amounts printed in the guide. */
@QuarkusTest
class HttpAndFeesTest {

    static List<String> codes(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(s -> out.add(s.get("code").asText()));
        return out;
    }

    @Test
    void readsCarryAStrongETagAndAnswer304OnIfNoneMatch() {
        for (String path : List.of("/api/v1/services", "/api/v1/services/iin", "/api/v1/services/iin/fees",
                "/api/v1/services/iin/checklist", "/api/v1/mrp", "/api/v1/calendar/office",
                "/api/v1/calendar/working-day?date=2026-03-23")) {
            Response first = RestAssured.get(path);
            first.then().statusCode(200).header("Cache-Control", "public, max-age=300")
                    .header("ETag", matchesPattern("^\"[0-9a-f]{32}\"$"));
            String etag = first.header("ETag");
            RestAssured.given().header("If-None-Match", etag).get(path).then().statusCode(304)
                    .header("ETag", etag);
            RestAssured.given().header("If-None-Match", "\"0000\"").get(path).then().statusCode(200);
        }
    }

    @Test
    void theETagDependsOnTheLanguage() {
        Response ru = Api.ru().get("/api/v1/services/permanent-residence");
        Response en = Api.en().get("/api/v1/services/permanent-residence");
        assertNotEquals(ru.header("ETag"), en.header("ETag"));
        assertEquals("Permanent residence permit", en.jsonPath().getString("title"));
        assertEquals("Разрешение на постоянное проживание", ru.jsonPath().getString("title"));
        en.then().header("Vary", "Accept-Language").header("Content-Language", "en");
        RestAssured.given().header("Accept-Language", "en-GB;q=0.3, ru;q=0.9").get("/api/v1/services/iin")
                .then().header("Content-Language", "ru");
        RestAssured.given().header("If-None-Match", ru.header("ETag")).header("Accept-Language", "en")
                .get("/api/v1/services/permanent-residence").then().statusCode(200);
    }

    @Test
    void listFilters() {
        assertEquals(List.of("trp-employment", "trp-business-immigrant-primary", "trp-business-immigrant-extension"),
                codes(Api.getOk(RestAssured.given(), "/api/v1/services?group=TEMPORARY_RESIDENCE")));
        assertEquals(List.of("short-business-visa-invitation", "short-business-visa-extension",
                        "long-business-visa-invitation", "long-business-visa-issuance",
                        "long-business-visa-extension"),
                codes(Api.getOk(RestAssured.given(), "/api/v1/services?category=B3")));
        List<String> family = codes(Api.getOk(RestAssured.given(), "/api/v1/services?familyMember=true"));
        assertEquals(List.of("work-visa-invitation", "work-visa-issuance", "work-visa-extension",
                "investor-visa-invitation", "investor-visa-issuance", "investor-visa-extension", "trp-employment",
                "permanent-residence", "visa-cancellation-departed"), family);
        assertEquals(23 - family.size(),
                Api.getOk(RestAssured.given(), "/api/v1/services?familyMember=false").size());
        assertEquals(List.of("tax-residency-certificate"),
                codes(Api.tree(RestAssured.given().queryParam("q", "tax residency").get("/api/v1/services"))));
        assertEquals(List.of("tax-residency-certificate"),
                codes(Api.tree(RestAssured.given().queryParam("q", "налогового").get("/api/v1/services"))));
        assertEquals(List.of("work-visa-extension"),
                codes(Api.getOk(RestAssured.given(), "/api/v1/services?group=WORK_VISA&q=extension")));
        RestAssured.get("/api/v1/services?group=NOPE").then().statusCode(400).body("errors.field", hasItem("group"));
        RestAssured.get("/api/v1/services?familyMember=maybe").then().statusCode(400)
                .body("errors.field", hasItem("familyMember"));
        RestAssured.get("/api/v1/services?asOf=2026-02-30").then().statusCode(400)
                .body("errors.field", hasItem("asOf"));
    }

    @Test
    void unknownServiceCodesAre404Problems() {
        for (String path : List.of("/api/v1/services/nope", "/api/v1/services/nope/fees",
                "/api/v1/services/nope/checklist")) {
            RestAssured.get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
    }

    @Test
    void mrpAmountsComeOutExactlyAsPrinted() {
        RestAssured.get("/api/v1/mrp/2026").then().statusCode(200).body("year", equalTo(2026));
        JsonNode mrp = Api.getOk(RestAssured.given(), "/api/v1/mrp?asOf=2026-03-01");
        assertEquals("4325.00", Api.money(mrp.get("amount")));
        assertEquals("2162.50", Api.money(Api.getOk(RestAssured.given(),
                "/api/v1/services/short-business-visa-invitation/fees?asOf=2026-03-01").get("stateDutyAmount")));
        assertEquals("17300.00", Api.money(Api.getOk(RestAssured.given(),
                "/api/v1/services/permanent-residence/fees?asOf=2026-03-01").get("stateDutyAmount")));
        assertEquals("129750.00", Api.money(Api.getOk(RestAssured.given(),
                "/api/v1/services/work-visa-issuance/fees?asOf=2026-03-01").get("stateDutyAmount")));
        RestAssured.get("/api/v1/mrp/1991").then().statusCode(404).contentType("application/problem+json");
        RestAssured.get("/api/v1/mrp/abc").then().statusCode(400);
    }

    @Test
    void extensionsStateNoFeeAndNoneIsInvented() {
        for (String code : List.of("work-visa-extension", "investor-visa-extension", "short-business-visa-extension",
                "long-business-visa-extension")) {
            JsonNode fees = Api.getOk(Api.en(), "/api/v1/services/" + code + "/fees");
            assertEquals(false, fees.get("feesStated").asBoolean(), code);
            assertEquals(0, fees.get("serviceFees").size(), code);
            assertTrue(!fees.has("stateDutyAmount") && !fees.has("personalManagerFee") && !fees.has("processingTime"),
                    code);
            assertTrue(fees.get("notes").get(0).asText().contains("no fee"), code);
        }
    }

    @Test
    void extensionsNameThePaymentDocumentTheirChecklistStillAsksFor() {
        // the guide's in-country issuance lists (which the extensions keep) ask for the state duty receipt for the
        // work visa and the multi-entry business visa, not for the investor visa
        for (String code : List.of("work-visa-extension", "short-business-visa-extension",
                "long-business-visa-extension")) {
            JsonNode fees = Api.getOk(Api.en(), "/api/v1/services/" + code + "/fees");
            assertEquals(1, fees.get("paymentDocuments").size(), code);
            JsonNode doc = fees.get("paymentDocuments").get(0);
            assertEquals("state-duty-payment", doc.get("documentCode").asText(), code);
            assertEquals("STATE_DUTY", doc.get("paymentOf").asText(), code);
            assertTrue(doc.get("mandatory").asBoolean(), code);
            assertEquals("Original payment document confirming payment of the state duty", doc.get("title").asText());
        }
        assertEquals(0, Api.getOk(Api.en(), "/api/v1/services/investor-visa-extension/fees")
                .get("paymentDocuments").size());
    }

    @Test
    void aYearWithoutPublishedMrpIsFlaggedProvisional() {
        // seeded MRP years are 2024–2026; 2027 is not published
        JsonNode y2027 = Api.getOk(Api.en(), "/api/v1/services/work-visa-invitation/fees?asOf=2027-02-01");
        assertEquals(true, y2027.get("mrpProvisional").asBoolean());
        assertEquals(2027, y2027.get("feeYear").asInt());
        assertEquals(2026, y2027.get("mrp").get("year").asInt());
        assertTrue(y2027.get("notes").get(0).asText().contains("2027"), y2027.toString());
        assertTrue(y2027.get("stateDutyBasis").asText().contains("provisional"));
        JsonNode y2026 = Api.getOk(Api.en(), "/api/v1/services/work-visa-invitation/fees?asOf=2026-02-01");
        assertEquals(false, y2026.get("mrpProvisional").asBoolean());
        assertEquals(2026, y2026.get("feeYear").asInt());
        assertFalse(y2026.get("stateDutyBasis").asText().contains("provisional"));
    }

    @Test
    void theGuidesFingerprint2025SlipIsTranscribedAsTheCurrentYearRuleAndSaidSo() {
        // the guide asks for fingerprinting/verification "in the current year" in every list but one (the investor
        // visa issuance: "in 2025"); the rule is the current year's, and the catalogue notes the slip
        for (String code : List.of("investor-visa-issuance", "investor-visa-extension")) {
            JsonNode service = Api.getOk(Api.en(), "/api/v1/services/" + code);
            JsonNode cert = null;
            for (JsonNode d : service.get("documents")) {
                if (d.get("documentCode").asText().equals("fingerprint-certificate")) {
                    cert = d;
                }
            }
            assertTrue(cert != null, code);
            assertFalse(cert.get("title").asText().contains("2025"), cert.toString());
            assertTrue(cert.get("title").asText().contains("current year"), cert.toString());
            assertTrue(cert.get("note").asText().contains("2025"), cert.toString());
            boolean noted = false;
            for (JsonNode n : service.get("notes")) {
                noted |= n.get("code").asText().equals("fingerprint-current-year")
                        && n.get("text").asText().contains("current-year rule");
            }
            assertTrue(noted, code + " notes the slip: " + service.get("notes"));
        }
        JsonNode ru = Api.getOk(Api.ru(), "/api/v1/services/investor-visa-issuance/checklist");
        for (JsonNode i : ru.get("items")) {
            assertFalse(i.get("title").asText().contains("2025"), i.toString());
        }
    }

    @Test
    void adminSetsTheMrpOfAYearAndTheDutyFollows() {
        int year = 2150 + ThreadLocalRandom.current().nextInt(0, 49);
        String admin = Tokens.admin();
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"amount\": 5000.00, \"source\": \"test budget law\"}").put("/api/v1/mrp/" + year)
                .then().statusCode(200).body("year", equalTo(year));
        assertEquals("5000.00", Api.money(Api.getOk(RestAssured.given(), "/api/v1/mrp/" + year).get("amount")));
        JsonNode fees = Api.getOk(RestAssured.given(),
                "/api/v1/services/permanent-residence/fees?version=1&asOf=" + year + "-06-01");
        assertEquals(year, fees.get("mrp").get("year").asInt());
        assertEquals("20000.00", Api.money(fees.get("stateDutyAmount")));  // 4 MRP × 5,000
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"amount\": -1}")
                .put("/api/v1/mrp/" + year).then().statusCode(400).body("errors.field", hasItem("amount"));
    }

    @Test
    void mrpWritesAreAdminOnly() {
        String body = "{\"amount\": 1.00}";
        RestAssured.given().contentType(ContentType.JSON).body(body).put("/api/v1/mrp/2026").then().statusCode(401);
        for (String token : new String[]{Tokens.hrAcme(), Tokens.officer(), Tokens.partnerGlobex()}) {
            RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/mrp/2026").then().statusCode(403).contentType("application/problem+json");
        }
        assertEquals("4325.00", Api.money(Api.getOk(RestAssured.given(), "/api/v1/mrp/2026").get("amount")));
    }
}
