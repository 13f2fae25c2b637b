package kz.aifc.expat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checklist returns exactly the documents whose conditions hold for the profile: one test per condition kind. */
@QuarkusTest
class ChecklistTest {

    static JsonNode checklist(String code, String query) {
        return Api.getOk(Api.en(), "/api/v1/services/" + code + "/checklist" + (query.isEmpty() ? "" : "?" + query));
    }

    static List<String> codes(JsonNode checklist) {
        List<String> out = new ArrayList<>();
        checklist.get("items").forEach(i -> out.add(i.get("documentCode").asText()));
        return out;
    }

    static JsonNode item(JsonNode checklist, String code) {
        for (JsonNode i : checklist.get("items")) {
            if (i.get("documentCode").asText().equals(code)) {
                return i;
            }
        }
        return null;
    }

    @Test
    void principalOfACompanyGetsTheUnconditionalDocumentsOnly() {
        JsonNode c = checklist("work-visa-invitation", "");
        assertEquals(List.of("state-registration-certificate", "founders-decision-and-director-order",
                "representative-power-of-attorney", "invitation-letters", "passport", "state-duty-payment",
                "employment-contract", "foreign-labour-permit", "personal-data-consent"), codes(c));
        assertEquals("work-visa-invitation", c.get("serviceCode").asText());
        assertEquals(1, c.get("catalogVersion").asInt());
        assertEquals("COMPANY", c.get("profile").get("legalForm").asText());
        assertEquals("PRINCIPAL", c.get("profile").get("applicantType").asText());
    }

    @Test
    void legalFormInAddsTheLegalisedGeneralPowerOfAttorneyForBranchesAndRepresentativeOffices() {
        assertFalse(codes(checklist("work-visa-issuance", "legalForm=COMPANY")).contains("general-power-of-attorney"));
        for (String form : List.of("BRANCH", "REPRESENTATIVE_OFFICE")) {
            JsonNode c = checklist("work-visa-issuance", "legalForm=" + form);
            JsonNode poa = item(c, "general-power-of-attorney");
            assertTrue(poa != null, form);
            assertTrue(poa.get("legalised").asBoolean());
            assertTrue(poa.get("mandatory").asBoolean());
        }
    }

    @Test
    void applicantTypeFamilyMemberAddsThePrincipalsVisaAndTheLegalisedCertificate() {
        List<String> principal = codes(checklist("work-visa-issuance", "applicantType=PRINCIPAL"));
        assertFalse(principal.contains("principal-work-visa"));
        assertFalse(principal.contains("family-relationship-certificate"));
        JsonNode family = checklist("work-visa-issuance", "applicantType=FAMILY_MEMBER");
        assertTrue(codes(family).containsAll(List.of("principal-work-visa", "family-relationship-certificate")));
        assertTrue(item(family, "family-relationship-certificate").get("legalised").asBoolean());
        assertEquals(principal.size() + 2, codes(family).size());
        // TRP asks for a notarised copy instead
        JsonNode trp = checklist("trp-employment", "applicantType=FAMILY_MEMBER");
        assertTrue(item(trp, "family-relationship-certificate-notarised").get("notarised").asBoolean());
    }

    @Test
    void visaCategoryInPicksTheB2ContractOrTheB3Confirmation() {
        List<String> b2 = codes(checklist("long-business-visa-invitation", "visaCategory=B2"));
        List<String> b3 = codes(checklist("long-business-visa-invitation", "visaCategory=B3"));
        assertTrue(b2.contains("service-contract-b2"));
        assertFalse(b2.contains("founder-or-board-confirmation-b3"));
        assertTrue(b3.contains("founder-or-board-confirmation-b3"));
        assertFalse(b3.contains("service-contract-b2"));
        // the guide writes «В2» in Cyrillic: accepted as the same category
        JsonNode cyrillic = Api.tree(Api.en().queryParam("visaCategory", "В2")
                .get("/api/v1/services/long-business-visa-issuance/checklist"));
        assertTrue(codes(cyrillic).contains("service-contract-b2"));
    }

    @Test
    void aCategoryDependentListWithoutTheCategoryIsA400NamingIt() {
        // the guide's long-term business visa lists differ for B2 (contract) and B3 (founder/board confirmation);
        // the extensions borrow the issuance list, so they depend on the category too
        for (String code : List.of("long-business-visa-invitation", "long-business-visa-issuance",
                "long-business-visa-extension", "short-business-visa-extension")) {
            RestAssured.get("/api/v1/services/" + code + "/checklist").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("visaCategory"))
                    .body("errors.find { it.field == 'visaCategory' }.message", containsString("B2"));
            RestAssured.get("/api/v1/services/" + code + "/checklist?visaCategory=").then().statusCode(400)
                    .body("errors.field", hasItem("visaCategory"));
            RestAssured.get("/api/v1/services/" + code + "/checklist?visaCategory=B3").then().statusCode(200);
        }
        // a category that has no documents of its own is still a category: B1/C5 short-term extension answers
        assertFalse(codes(checklist("short-business-visa-extension", "visaCategory=B1"))
                .contains("service-contract-b2"));
        // services whose list does not depend on the category need none
        RestAssured.get("/api/v1/services/work-visa-issuance/checklist").then().statusCode(200);
        RestAssured.get("/api/v1/services/short-business-visa-invitation/checklist").then().statusCode(200);
    }

    @Test
    void childAgeBetweenAppliesFrom14UpTo18Exclusive() {
        String doc = "child-consent-permanent-residence";
        assertFalse(codes(checklist("permanent-residence", "applicantType=FAMILY_MEMBER")).contains(doc));
        assertFalse(codes(checklist("permanent-residence", "applicantType=FAMILY_MEMBER&childAge=13")).contains(doc));
        JsonNode at14 = checklist("permanent-residence", "applicantType=FAMILY_MEMBER&childAge=14");
        assertTrue(codes(at14).contains(doc));
        assertTrue(item(at14, doc).get("notarised").asBoolean());
        assertTrue(codes(checklist("permanent-residence", "applicantType=FAMILY_MEMBER&childAge=17")).contains(doc));
        assertFalse(codes(checklist("permanent-residence", "applicantType=FAMILY_MEMBER&childAge=18")).contains(doc));
    }

    @Test
    void ifApplicableDocumentsAreListedButNotMandatory() {
        JsonNode c = checklist("visa-cancellation-departed", "");
        JsonNode order = item(c, "employment-termination-order");
        assertFalse(order.get("mandatory").asBoolean());
        assertTrue(item(c, "visa-cancellation-petition").get("mandatory").asBoolean());
        assertFalse(item(checklist("work-visa-issuance", ""), "visa-copy").get("mandatory").asBoolean());
    }

    @Test
    void entityChoosesTheDocumentsOfAnIndividualOrALegalEntity() {
        assertEquals(List.of("pki-application", "personal-data-consent"),
                codes(checklist("digital-signature", "entity=INDIVIDUAL")));
        assertEquals(List.of("pki-application", "director-appointment-order", "personal-data-consent"),
                codes(checklist("digital-signature", "entity=LEGAL_ENTITY")));
        assertEquals(List.of("tax-residency-application", "effective-management-proof"),
                codes(checklist("tax-residency-certificate", "entity=LEGAL_ENTITY")));
        assertEquals(List.of("tax-residency-application", "passport-and-stay-proof-notarised"),
                codes(checklist("tax-residency-certificate", "entity=INDIVIDUAL")));
        RestAssured.get("/api/v1/services/digital-signature/checklist").then().statusCode(400)
                .body("errors.field", hasItem("entity"));
    }

    @Test
    void everyConditionTogetherOnTheExtensionUsesTheIssuanceList() {
        JsonNode c = checklist("work-visa-extension", "legalForm=BRANCH&applicantType=FAMILY_MEMBER");
        assertEquals(codes(checklist("work-visa-issuance", "legalForm=BRANCH&applicantType=FAMILY_MEMBER")),
                codes(c));
        // work-visa issuance lists 17 documents; all but the two "if applicable" ones are mandatory, all apply here
        assertEquals(17, codes(c).size());
    }

    @Test
    void textsFollowAcceptLanguage() {
        JsonNode en = checklist("iin", "");
        JsonNode ru = Api.getOk(Api.ru(), "/api/v1/services/iin/checklist");
        assertEquals("Consent to the processing of personal data", item(en, "personal-data-consent").get("title")
                .asText());
        assertEquals("Согласие на обработку персональных данных", item(ru, "personal-data-consent").get("title")
                .asText());
        JsonNode def = Api.tree(RestAssured.get("/api/v1/services/iin/checklist"));
        assertEquals("ru", def.get("language").asText());
        assertNotEquals(en.get("items").toString(), ru.get("items").toString());
        Api.en().get("/api/v1/services/iin/checklist").then().header("Content-Language", "en");
    }

    @Test
    void anInvalidProfileIsA400ListingEveryBadField() {
        RestAssured.get("/api/v1/services/permanent-residence/checklist?legalForm=FOO&childAge=-1&applicantType=X"
                        + "&entity=ROBOT&asOf=tomorrow")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://expat.aifc.kz/problems/invalid-request"))
                .body("errors.field", hasItems("legalForm", "childAge", "applicantType", "entity", "asOf"));
        RestAssured.get("/api/v1/services/permanent-residence/checklist?childAge=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("childAge"));
    }

    @Test
    void aProfileThatDoesNotFitTheServiceIsA400() {
        RestAssured.get("/api/v1/services/long-business-visa-invitation/checklist?visaCategory=C3").then()
                .statusCode(400).body("errors.field", hasItem("visaCategory"));
        RestAssured.get("/api/v1/services/long-business-visa-invitation/checklist?applicantType=FAMILY_MEMBER")
                .then().statusCode(400).body("errors.field", hasItem("applicantType"));
        RestAssured.get("/api/v1/services/trp-employment/checklist?variant=MANAGER").then().statusCode(400)
                .body("errors.field", hasItem("variant"));
        RestAssured.get("/api/v1/services/trp-employment/checklist?variant=EXPERT").then().statusCode(200);
    }

    @Test
    void unknownServiceIsA404Problem() {
        RestAssured.get("/api/v1/services/no-such-service/checklist").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", startsWith("https://expat.aifc.kz/problems/not-found"))
                .body("detail", containsString("no-such-service"));
    }
}
