package kz.aifc.expat.application;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import kz.aifc.expat.application.service.AppClock;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.application.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SubmissionRulesTest {

    @Inject
    AppClock clock;

    @BeforeEach
    void companies() {
        ensureCompanies();
    }

    private static ValidatableResponse submit(Map<String, Object> app) {
        String id = createApp(Tokens.hrAcme(), app);
        return action(Tokens.hrAcme(), id, "submit", null).then();
    }

    private static void refused(Map<String, Object> app, String rule) {
        submit(app).statusCode(422).contentType(containsString("application/problem+json"))
                .body("rule", is(rule)).body("type", endsWith("/rule-violated/" + rule));
    }

    private static void passes(Map<String, Object> app) {
        submit(app).statusCode(200).body("state", is("SUBMITTED"));
    }

    private static String personWith(String citizenship, LocalDate passportExpires, String iin,
                                     Map<String, Object> visa) {
        Map<String, Object> p = person(citizenship, passportExpires);
        if (iin != null) {
            p.put("iin", iin);
        }
        if (visa != null) {
            p.put("currentVisa", visa);
        }
        return createPerson(Tokens.hrAcme(), p);
    }

    private static Map<String, Object> app(String person, String code) {
        Map<String, Object> a = new HashMap<>();
        a.put("personId", person);
        a.put("serviceCode", code);
        a.put("consent", consent());
        return a;
    }

    @Test
    void consentIsRequired() {
        Map<String, Object> body = workVisa(defaultPerson(Tokens.hrAcme()));
        body.remove("consent");
        String id = createApp(Tokens.hrAcme(), body);
        action(Tokens.hrAcme(), id, "submit", null).then().statusCode(422).body("rule", is("consent-required"));
        as(Tokens.hrAcme()).body(Map.of("textVersion", "2026-01", "accepted", false))
                .post("/api/v1/applications/" + id + "/consent").then().statusCode(400);
        as(Tokens.hrAcme()).body(consent()).post("/api/v1/applications/" + id + "/consent").then().statusCode(200)
                .body("consent.textVersion", is("2026-01")).body("consent.at", notNullValue());
        action(Tokens.hrAcme(), id, "submit", null).then().statusCode(200);
    }

    @Test
    void requiredDataForTheService() {
        Map<String, Object> a = app(defaultPerson(Tokens.hrAcme()), "work-visa-issuance");
        submit(a).statusCode(422).body("rule", is("required-data"))
                .body("errors.field", hasItems("requestedVisaEnd", "visaCategory"));
        a.put("requestedVisaEnd", TODAY.plusYears(1).toString());
        // a category the service does not issue is refused when the draft is written (#14.11), not stored
        a.put("visaCategory", "B2");
        as(Tokens.hrAcme()).body(a).post("/api/v1/applications").then().statusCode(422)
                .contentType(containsString("application/problem+json")).body("rule", is("visa-category-not-offered"))
                .body("visaCategory", is("B2")).body("offered", contains("C3"));
        a.put("visaCategory", "C3");
        passes(a);
        // likewise a fee variant the service does not have, at creation and at update
        Map<String, Object> trpVariant = app(personWith("RUS", TODAY.plusYears(5), validIin(), null), "trp-employment");
        trpVariant.put("variant", "STUDENT");
        as(Tokens.hrAcme()).body(trpVariant).post("/api/v1/applications").then().statusCode(422)
                .body("rule", is("variant-not-offered")).body("offered", hasItems("EMPLOYEE", "EXPERT"));
        trpVariant.put("variant", "EXPERT");
        String draft = createApp(Tokens.hrAcme(), trpVariant);
        trpVariant.put("variant", "STUDENT");
        String etag = as(Tokens.hrAcme()).get("/api/v1/applications/" + draft).then().statusCode(200).extract()
                .header("ETag");
        as(Tokens.hrAcme()).header("If-Match", etag).body(trpVariant).put("/api/v1/applications/" + draft).then()
                .statusCode(422).body("rule", is("variant-not-offered"));
        as(Tokens.hrAcme()).get("/api/v1/applications/" + draft).then().body("variant", is("EXPERT"));
        // entity is one of its two values when the draft is written (#14.11), as the catalog's conditions read it
        trpVariant.put("variant", "EXPERT");
        trpVariant.put("entity", "PARTNERSHIP");
        as(Tokens.hrAcme()).body(trpVariant).post("/api/v1/applications").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors.field", hasItem("entity"));
        // trp-employment needs IIN, variant and planned stay
        Map<String, Object> trp = app(personWith("RUS", TODAY.plusYears(5), null, null), "trp-employment");
        submit(trp).statusCode(422).body("errors.field", hasItems("person.iin", "variant", "plannedStayDays"));
    }

    @Test
    void unknownServiceIsRefused() {
        // refused when the draft is written, before any submission (issue #14.11)
        as(Tokens.hrAcme()).body(app(defaultPerson(Tokens.hrAcme()), "space-visa")).post("/api/v1/applications")
                .then().statusCode(422).contentType(containsString("application/problem+json"))
                .body("rule", is("service-unknown")).body("serviceCode", is("space-visa"));
    }

    @Test
    void extensionOnlyInTheWindowBeforeExpiry() {
        LocalDate inWindow = addWorkingDays(TODAY, 15);
        Map<String, Object> ok = app(personWith("GBR", TODAY.plusYears(5), null,
                visa("VISA", "C3", inWindow, ACME)), "work-visa-extension");
        ok.put("visaCategory", "C3");
        ok.put("requestedVisaEnd", TODAY.plusYears(1).toString());
        passes(ok);

        LocalDate tooEarly = addWorkingDays(TODAY, 31);
        Map<String, Object> early = new HashMap<>(ok);
        early.put("personId", personWith("GBR", TODAY.plusYears(5), null, visa("VISA", "C3", tooEarly, ACME)));
        submit(early).statusCode(422).body("rule", is("extension-window"))
                .body("windowFirstDay", is(minusWorkingDays(tooEarly, 30).toString()))
                .body("windowLastDay", is(minusWorkingDays(tooEarly, 5).toString()));

        LocalDate tooLate = addWorkingDays(TODAY, 4);
        Map<String, Object> late = new HashMap<>(ok);
        late.put("personId", personWith("GBR", TODAY.plusYears(5), null, visa("VISA", "C3", tooLate, ACME)));
        refused(late, "extension-window");

        // the last day of the window, checked on every run: on a weekend or holiday "now" is pinned to the next
        // working day, so the submission day is exactly 5 working days before expiry (#16.6)
        LocalDate day = isWorking(TODAY) ? TODAY : addWorkingDays(TODAY, 1);
        clock.shift(Duration.ofDays(day.toEpochDay() - TODAY.toEpochDay()));
        try {
            LocalDate lastDay = addWorkingDays(day, 5);
            Map<String, Object> edge = new HashMap<>(ok);
            edge.put("personId", personWith("GBR", TODAY.plusYears(5), null, visa("VISA", "C3", lastDay, ACME)));
            passes(edge);
            Map<String, Object> dayAfter = new HashMap<>(ok);
            dayAfter.put("personId", personWith("GBR", TODAY.plusYears(5), null,
                    visa("VISA", "C3", addWorkingDays(day, 4), ACME)));
            refused(dayAfter, "extension-window");
        } finally {
            clock.reset();
        }
    }

    @Test
    void extensionOnlyWithTheSameHost() {
        Map<String, Object> a = app(personWith("GBR", TODAY.plusYears(5), null,
                visa("VISA", "C3", addWorkingDays(TODAY, 15), GLOBEX)), "work-visa-extension");
        a.put("visaCategory", "C3");
        a.put("requestedVisaEnd", TODAY.plusYears(1).toString());
        refused(a, "extension-same-host");
    }

    private static Map<String, Object> trp(String citizenship, int days) {
        Map<String, Object> a = app(personWith(citizenship, TODAY.plusYears(5), validIin(), null), "trp-employment");
        a.put("variant", "EMPLOYEE");
        a.put("plannedStayDays", days);
        return a;
    }

    @Test
    void temporaryResidenceOnlyForCisOver30OrEaeuOver90() {
        passes(trp("UZB", 31));
        refused(trp("UZB", 30), "temporary-residence-eligibility");
        passes(trp("RUS", 91));
        refused(trp("RUS", 60), "temporary-residence-eligibility");
        refused(trp("GBR", 365), "temporary-residence-eligibility");
    }

    @Test
    void passportValidThreeMonthsBeyondTheVisa() {
        LocalDate visaEnd = TODAY.plusYears(1);
        Map<String, Object> bad = workVisa(personWith("GBR", visaEnd.plusMonths(2), null, null));
        bad.put("requestedVisaEnd", visaEnd.toString());
        refused(bad, "passport-validity");
        Map<String, Object> good = workVisa(personWith("GBR", visaEnd.plusMonths(3), null, null));
        good.put("requestedVisaEnd", visaEnd.toString());
        passes(good);
    }

    private static Map<String, Object> permanentResidence(LocalDate passportExpires) {
        Map<String, Object> a = app(personWith("GBR", passportExpires, validIin(), null), "permanent-residence");
        a.put("inDemandProfession", "2512 Software developer");
        return a;
    }

    @Test
    void permanentResidencePassportOver180Days() {
        refused(permanentResidence(TODAY.plusDays(180)), "passport-validity");
        passes(permanentResidence(TODAY.plusDays(181)));
    }

    @Test
    void permanentResidenceNeedsTheInDemandProfession() {
        Map<String, Object> a = permanentResidence(TODAY.plusYears(5));
        a.remove("inDemandProfession");
        submit(a).statusCode(422).contentType(containsString("application/problem+json"))
                .body("rule", is("required-data")).body("type", endsWith("/rule-violated/required-data"))
                .body("errors.field", contains("inDemandProfession"));

        a.put("inDemandProfession", "   ");
        as(Tokens.hrAcme()).body(a).post("/api/v1/applications").then().statusCode(400)
                .body("errors.field", hasItem("inDemandProfession"));
        a.put("inDemandProfession", "x".repeat(201));
        as(Tokens.hrAcme()).body(a).post("/api/v1/applications").then().statusCode(400)
                .body("errors.field", hasItem("inDemandProfession"));

        a.put("inDemandProfession", " 2166 Graphic and multimedia designer ");
        String id = createApp(Tokens.hrAcme(), a);
        action(Tokens.hrAcme(), id, "submit", null).then().statusCode(200).body("state", is("SUBMITTED"))
                .body("inDemandProfession", is("2166 Graphic and multimedia designer"));
    }

    @Test
    void workVisaAtMostTwoYears() {
        Map<String, Object> a = workVisa(personWith("GBR", TODAY.plusYears(10), null, null));
        a.put("requestedVisaEnd", TODAY.plusYears(2).plusDays(1).toString());
        refused(a, "visa-max-validity");
    }

    @Test
    void iinServiceOnlyWithoutAnIin() {
        refused(app(personWith("GBR", TODAY.plusYears(5), validIin(), null), "iin"), "iin-already-assigned");
        passes(app(personWith("GBR", TODAY.plusYears(5), null, null), "iin"));
    }

    private static Map<String, Object> family(String principalApp, String code) {
        Map<String, Object> a = app(defaultPerson(Tokens.hrAcme()), code);
        a.put("applicantType", "FAMILY_MEMBER");
        a.put("principalApplicationId", principalApp);
        a.put("relation", "CHILD");
        a.put("childAge", 7);
        a.put("visaCategory", code.startsWith("investor") ? "A5" : "C3");
        a.put("requestedVisaEnd", TODAY.plusYears(1).toString());
        return a;
    }

    @Test
    void familyMemberNeedsAPrincipalWithAMatchingVisaOrCase() {
        String draftPrincipal = createApp(Tokens.hrAcme(), workVisa(defaultPerson(Tokens.hrAcme())));
        refused(family(draftPrincipal, "work-visa-issuance"), "family-principal-visa");

        String inProgress = submittedAcme();
        passes(family(inProgress, "work-visa-issuance"));
        refused(family(inProgress, "investor-visa-issuance"), "family-principal-visa");

        Map<String, Object> noChildAge = family(inProgress, "work-visa-issuance");
        noChildAge.remove("childAge");
        submit(noChildAge).statusCode(422).body("rule", is("required-data")).body("errors.field", hasItem("childAge"));

        Map<String, Object> notOffered = family(inProgress, "short-business-visa-invitation");
        notOffered.put("visaCategory", "B1");
        refused(notOffered, "family-member-not-offered");

        String completed = inProcessingAcme();
        completeWithVisa(completed, "C3-1", TODAY.plusYears(1));
        passes(family(completed, "work-visa-issuance"));
    }

    private static Map<String, Object> familyOfPerson(String principalPerson, String code) {
        Map<String, Object> a = family(null, code);
        a.remove("principalApplicationId");
        a.put("principalPersonId", principalPerson);
        return a;
    }

    private static String holder(String type, String category, LocalDate validUntil) {
        return personWith("GBR", TODAY.plusYears(5), null, visa(type, category, validUntil, ACME));
    }

    @Test
    void familyMemberMayFollowAPrincipalWhoAlreadyHoldsAValidVisa() {
        String principal = holder("VISA", "C3", TODAY.plusMonths(6));
        Map<String, Object> a = familyOfPerson(principal, "work-visa-issuance");
        String id = createApp(Tokens.hrAcme(), a);
        as(Tokens.hrAcme()).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("principalPersonId", is(principal)).body("principalApplicationId", nullValue());
        try (KafkaProbe probe = new KafkaProbe("expat.application")) {
            action(Tokens.hrAcme(), id, "submit", null).then().statusCode(200).body("state", is("SUBMITTED"));
            // consumers (document-service's checklist, fee-service) learn who the principal is from the event
            String json = probe.await(KafkaProbe.ofType("application.submitted", id), 1, Duration.ofSeconds(20))
                    .get(0).value();
            assertTrue(json.contains("\"principalPersonId\":\"" + principal + "\""), json);
            assertTrue(json.contains("\"principalApplicationId\":null"), json);
        }

        // valid on the day of submission is enough
        passes(familyOfPerson(holder("VISA", "C3", TODAY), "work-visa-issuance"));
        passes(familyOfPerson(holder("VISA", "A5", TODAY.plusYears(1)), "investor-visa-issuance"));

        Map<String, Object> trp = familyOfPerson(holder("TEMPORARY_RESIDENCE", null, TODAY.plusYears(1)),
                "trp-employment");
        trp.put("personId", personWith("UZB", TODAY.plusYears(5), validIin(), null));
        trp.remove("visaCategory");
        trp.remove("requestedVisaEnd");
        trp.put("variant", "EMPLOYEE");
        trp.put("plannedStayDays", 365);
        passes(trp);

        // a family member of a permanent resident needs no in-demand profession of their own
        Map<String, Object> pr = familyOfPerson(holder("PERMANENT_RESIDENCE", null, TODAY.plusYears(10)),
                "permanent-residence");
        pr.put("personId", personWith("GBR", TODAY.plusYears(5), validIin(), null));
        pr.remove("visaCategory");
        pr.remove("requestedVisaEnd");
        passes(pr);
    }

    @Test
    void principalPersonWithAnExpiredVisaIsRefused() {
        submit(familyOfPerson(holder("VISA", "C3", TODAY.minusDays(1)), "work-visa-issuance")).statusCode(422)
                .body("rule", is("family-principal-visa"))
                .body("type", endsWith("/rule-violated/family-principal-visa"))
                .body("detail", containsString("expired on " + TODAY.minusDays(1)));
        submit(familyOfPerson(personWith("GBR", TODAY.plusYears(5), null, null), "work-visa-issuance"))
                .statusCode(422).body("rule", is("family-principal-visa"))
                .body("detail", containsString("no current visa/permit"));
    }

    @Test
    void principalPersonWithAVisaOfAnotherKindIsRefused() {
        submit(familyOfPerson(holder("VISA", "A5", TODAY.plusYears(1)), "work-visa-issuance")).statusCode(422)
                .body("rule", is("family-principal-visa")).body("detail", containsString("not of the matching kind"));
        submit(familyOfPerson(holder("VISA", "C3", TODAY.plusYears(1)), "investor-visa-issuance")).statusCode(422)
                .body("rule", is("family-principal-visa"));
        submit(familyOfPerson(holder("TEMPORARY_RESIDENCE", null, TODAY.plusYears(1)), "work-visa-issuance"))
                .statusCode(422).body("rule", is("family-principal-visa"));
    }

    @Test
    void principalPersonOfAnotherCompanyIsNotFound() {
        Map<String, Object> globex = person("GBR", TODAY.plusYears(5));
        globex.put("currentVisa", visa("VISA", "C3", TODAY.plusYears(1), GLOBEX));
        String foreign = createPerson(Tokens.hrGlobex(), globex);
        as(Tokens.hrAcme()).body(familyOfPerson(foreign, "work-visa-issuance")).post("/api/v1/applications").then()
                .statusCode(404).contentType(containsString("application/problem+json"));

        // nor can a draft be pointed at it afterwards
        Map<String, Object> a = familyOfPerson(holder("VISA", "C3", TODAY.plusYears(1)), "work-visa-issuance");
        String id = createApp(Tokens.hrAcme(), a);
        a.put("principalPersonId", foreign);
        as(Tokens.hrAcme()).header("If-Match", "*").body(a).put("/api/v1/applications/" + id).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        as(Tokens.hrAcme()).body(familyOfPerson(UUID.randomUUID().toString(), "work-visa-issuance"))
                .post("/api/v1/applications").then().statusCode(404);
    }

    @Test
    void familyMemberNamesExactlyOnePrincipal() {
        Map<String, Object> both = familyOfPerson(holder("VISA", "C3", TODAY.plusYears(1)), "work-visa-issuance");
        both.put("principalApplicationId", submittedAcme());
        submit(both).statusCode(422).body("rule", is("required-data"))
                .body("errors.field", hasItems("principalApplicationId", "principalPersonId"));

        Map<String, Object> neither = familyOfPerson(null, "work-visa-issuance");
        submit(neither).statusCode(422).body("rule", is("required-data"))
                .body("errors.field", hasItems("principalApplicationId", "principalPersonId"));

        String self = holder("VISA", "C3", TODAY.plusYears(1));
        Map<String, Object> oneself = familyOfPerson(self, "work-visa-issuance");
        oneself.put("personId", self);
        submit(oneself).statusCode(422).body("rule", is("required-data"))
                .body("errors.field", contains("principalPersonId"));

        Map<String, Object> principal = workVisa(defaultPerson(Tokens.hrAcme()));
        principal.put("principalPersonId", self);
        as(Tokens.hrAcme()).body(principal).post("/api/v1/applications").then().statusCode(400);
    }

    @Test
    void catalogVersionAndFeesAreFrozenAtSubmission() {
        String id = submittedAcme();
        as(Tokens.hrAcme()).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("catalogVersion", is(catalogVersion("work-visa-issuance")))
                .body("submittedAt", notNullValue());
    }

    @Test
    void iinAndBinChecksumsAreValidated() {
        Map<String, Object> p = person("GBR", TODAY.plusYears(5));
        p.put("iin", "900101300011");
        as(Tokens.hrAcme()).body(p).post("/api/v1/persons").then().statusCode(400)
                .body("errors.field", hasItem("iin"));
        p.put("iin", "900101300017");
        as(Tokens.hrAcme()).body(p).post("/api/v1/persons").then().statusCode(201).body("iin", is("900101300017"));

        as(Tokens.admin()).body(Map.of("bin", "180340021792", "name", "Bad", "legalForm", "COMPANY"))
                .post("/api/v1/companies").then().statusCode(400).body("errors.field", hasItem("bin"));
        String bin = validBin();
        as(Tokens.admin()).body(Map.of("bin", bin, "name", "New Co", "legalForm", "REPRESENTATIVE_OFFICE"))
                .post("/api/v1/companies").then().statusCode(201).body("bin", is(bin));
        as(Tokens.hrAcme()).body(Map.of("bin", validBin(), "name", "Not mine", "legalForm", "COMPANY"))
                .post("/api/v1/companies").then().statusCode(403);
        as(Tokens.hrAcme()).get("/api/v1/companies/me").then().statusCode(200).body("bin", is(ACME));
    }
}
