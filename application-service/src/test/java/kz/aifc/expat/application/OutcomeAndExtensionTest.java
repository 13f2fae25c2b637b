package kz.aifc.expat.application;

import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static kz.aifc.expat.application.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13: the outcome comes back — recorded with the case, on the person (the radar reads it), published — and
 * from a radar entry the company starts the matching extension in one call.
 */
@QuarkusTest
class OutcomeAndExtensionTest {

    @org.junit.jupiter.api.BeforeEach
    void companies() {
        ensureCompanies();
    }

    @Test
    void theOutcomeUpdatesThePersonIsPublishedWithoutTheNumberAndFeedsTheRadar() {
        String app = inProcessingAcme();
        String person = as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().extract().path("personId");
        LocalDate validUntil = addWorkingDays(TODAY, 20);
        try (KafkaProbe probe = new KafkaProbe("expat.application")) {
            completeWithVisa(app, "C3-OUT-1", validUntil);
            List<ConsumerRecord<String, String>> completed = probe.exactly(
                    KafkaProbe.ofType("application.completed", app), 1, Duration.ofSeconds(30));
            assertEquals(1, completed.size());
            String json = completed.get(0).value();
            assertTrue(json.contains("\"kind\":\"VISA\"") && json.contains("\"validUntil\":\"" + validUntil + "\"")
                    && json.contains("\"outcomeDocumentIds\":[\""), json);
            assertFalse(json.contains("C3-OUT-1"), "the visa number stays in application-service: " + json);
        }
        as(Tokens.hrAcme()).get("/api/v1/persons/" + person).then().statusCode(200)
                .body("currentVisa.type", is("VISA")).body("currentVisa.category", is("C3"))
                .body("currentVisa.number", is("C3-OUT-1")).body("currentVisa.validUntil", is(validUntil.toString()))
                .body("currentVisa.hostBin", is(ACME));
        as(Tokens.hrAcme()).queryParam("withinDays", 10).get("/api/v1/radar/visa-expiry").then().statusCode(200)
                .body("find { it.personId == '" + person + "' }.visaNumber", is("C3-OUT-1"))
                .body("find { it.personId == '" + person + "' }.windowOpen", is(true));
    }

    @Test
    void fromARadarEntryOneCallCreatesThePrefilledExtensionDraftAndAnswersTheWindow() {
        String app = inProcessingAcme();
        String person = as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().extract().path("personId");
        LocalDate validUntil = addWorkingDays(TODAY, 20); // window 30..5 working days before: open today
        completeWithVisa(app, "C3-EXT-1", validUntil);

        String draft = as(Tokens.hrAcme()).body("{}").post("/api/v1/radar/visa-expiry/" + person + "/extension")
                .then().statusCode(201).header("Location", containsString("/api/v1/applications/"))
                .body("application.state", is("DRAFT"))
                .body("application.serviceCode", is("work-visa-extension"))
                .body("application.visaCategory", is("C3"))
                .body("application.personId", is(person))
                .body("application.companyBin", is(ACME))
                .body("application.requestedVisaEnd", is(validUntil.plusYears(1).toString()))
                .body("extensionWindow.status", is("OPEN"))
                .body("extensionWindow.firstDay", is(minusWorkingDays(validUntil, 30).toString()))
                .body("extensionWindow.lastDay", is(minusWorkingDays(validUntil, 5).toString()))
                .body("extensionWindow.currentValidUntil", is(validUntil.toString()))
                .body("extensionWindow.sameHostCompany", is(true))
                .extract().path("application.id");
        // the draft is a real draft: with consent it submits (the window is open, same host)
        as(Tokens.hrAcme()).body(consent()).post("/api/v1/applications/" + draft + "/consent").then().statusCode(200);
        action(Tokens.hrAcme(), draft, "submit", null).then().statusCode(200).body("state", is("SUBMITTED"));
    }

    @Test
    void theWindowAnswerSaysTooEarlyOrTooLateWithTheDates() {
        LocalDate far = TODAY.plusDays(200);
        Map<String, Object> early = person("GBR", TODAY.plusYears(5));
        early.put("currentVisa", visa("VISA", "C3", far, ACME));
        String earlyPerson = createPerson(Tokens.hrAcme(), early);
        as(Tokens.hrAcme()).post("/api/v1/radar/visa-expiry/" + earlyPerson + "/extension").then().statusCode(201)
                .body("application.serviceCode", is("work-visa-extension"))
                .body("extensionWindow.status", is("TOO_EARLY"))
                .body("extensionWindow.firstDay", is(minusWorkingDays(far, 30).toString()));

        LocalDate close = addWorkingDays(TODAY, 2); // fewer than 5 working days left
        Map<String, Object> late = person("GBR", TODAY.plusYears(5));
        late.put("currentVisa", visa("VISA", "A5", close, ACME));
        String latePerson = createPerson(Tokens.hrAcme(), late);
        as(Tokens.hrAcme()).post("/api/v1/radar/visa-expiry/" + latePerson + "/extension").then().statusCode(201)
                .body("application.serviceCode", is("investor-visa-extension"))
                .body("extensionWindow.status", is("TOO_LATE"))
                .body("extensionWindow.lastDay", is(minusWorkingDays(close, 5).toString()));
    }

    @Test
    void extensionDraftRolesCompaniesAndBadInput() {
        Map<String, Object> p = person("GBR", TODAY.plusYears(5));
        p.put("currentVisa", visa("VISA", "B2", TODAY.plusDays(60), ACME));
        String person = createPerson(Tokens.hrAcme(), p);
        String path = "/api/v1/radar/visa-expiry/" + person + "/extension";
        // another company's person does not exist for Globex
        as(Tokens.hrGlobex()).post(path).then().statusCode(404).contentType(containsString("problem+json"));
        // only the company side files applications
        as(Tokens.officer()).post(path).then().statusCode(403);
        as(Tokens.admin()).post(path).then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").post(path).then().statusCode(401);
        // a B2 business visa: short- or long-term, the company names which
        as(Tokens.hrAcme()).post(path).then().statusCode(422).body("rule", is("extension-ambiguous"))
                .body("candidates", containsInAnyOrder("long-business-visa-extension",
                        "short-business-visa-extension"));
        as(Tokens.hrAcme()).body(Map.of("serviceCode", "work-visa-extension")).post(path).then().statusCode(422)
                .body("rule", is("extension-not-matching"));
        as(Tokens.hrAcme()).body(Map.of("serviceCode", "long-business-visa-extension")).post(path).then()
                .statusCode(201).body("application.serviceCode", is("long-business-visa-extension"))
                .body("application.visaCategory", is("B2"));
        // no current visa
        String none = defaultPerson(Tokens.hrAcme());
        as(Tokens.hrAcme()).post("/api/v1/radar/visa-expiry/" + none + "/extension").then().statusCode(422)
                .body("rule", is("no-current-visa"));
        as(Tokens.hrAcme()).post("/api/v1/radar/visa-expiry/not-a-uuid/extension").then().statusCode(400)
                .contentType(containsString("problem+json"));
    }

    @Test
    void anIinOutcomeIsRecordedOnThePerson() {
        String app = inProcessingAcme();
        String person = as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().extract().path("personId");
        String iin = validIin();
        outcomeDocumentUploaded(app);
        action(Tokens.officer(), app, "complete", Map.of("outcome", Map.of("kind", "IIN", "number", "123",
                "issuedOn", TODAY.toString()))).then().statusCode(400).body("errors.field", hasItem("outcome.number"));
        action(Tokens.officer(), app, "complete", Map.of("outcome", Map.of("kind", "IIN", "number", iin,
                "issuedOn", TODAY.toString()))).then().statusCode(200).body("outcome.kind", is("IIN"));
        as(Tokens.hrAcme()).get("/api/v1/persons/" + person).then().body("iin", is(iin));
    }

    @Test
    void optionsTheServiceDoesNotOfferAreRefusedWhenTheDraftIsWritten() {
        String person = defaultPerson(Tokens.hrAcme());
        Map<String, Object> body = workVisa(person);
        body.put("options", List.of("PERSONAL_MANAGER")); // the guide has no personal manager for work visas
        as(Tokens.hrAcme()).body(body).post("/api/v1/applications").then().statusCode(422)
                .body("rule", is("option-not-offered")).body("option", is("PERSONAL_MANAGER"))
                .body("serviceCode", is("work-visa-issuance"));
        // the IIN service offers both: a draft with them is fine, switching it to a work visa is not
        Map<String, Object> iin = Map.of("personId", person, "serviceCode", "iin",
                "options", List.of("PERSONAL_MANAGER", "PRIORITY"));
        String draft = createApp(Tokens.hrAcme(), iin);
        Map<String, Object> switched = new java.util.HashMap<>(iin);
        switched.put("serviceCode", "work-visa-issuance");
        as(Tokens.hrAcme()).body(switched).put("/api/v1/applications/" + draft).then().statusCode(422)
                .body("rule", is("option-not-offered"));
        // an unknown service is refused at once, not at submission
        as(Tokens.hrAcme()).body(Map.of("personId", person, "serviceCode", "no-such-service"))
                .post("/api/v1/applications").then().statusCode(422).body("rule", is("service-unknown"));
    }
}
