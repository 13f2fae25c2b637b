package kz.aifc.expat.application;

import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.application.Api.*;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class LifecycleTest {

    @BeforeEach
    void companies() {
        ensureCompanies();
    }

    private static void illegal(String token, String app, String action, String currentState) {
        action(token, app, action, Map.of("comment", "x")).then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("type", endsWith("/illegal-transition"))
                .body("currentState", is(currentState))
                .body("allowedActions", notNullValue());
    }

    private static io.restassured.response.ValidatableResponse denied(String token, String app, String action) {
        return action(token, app, action, Map.of("comment", "x")).then().statusCode(403)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void submit() {
        String app = createApp(Tokens.hrAcme(), workVisa(defaultPerson(Tokens.hrAcme())));
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().statusCode(200)
                .body("state", is("DRAFT")).body("allowedActions", hasItems("submit", "withdraw"))
                .body("allowedActions", not(hasItem("start-review")));
        denied(Tokens.officer(), app, "submit");
        illegal(Tokens.hrAcme(), app, "resubmit", "DRAFT");
        action(Tokens.hrAcme(), app, "submit", null).then().statusCode(200).body("state", is("SUBMITTED"))
                .body("catalogVersion", is(catalogVersion("work-visa-issuance")))
                .body("reviewRound", is(1));
        illegal(Tokens.hrAcme(), app, "submit", "SUBMITTED");
    }

    @Test
    void partnerSystemSubmitsForItsCompany() {
        String person = createPerson(Tokens.partnerAcme(), person("GBR", TODAY.plusYears(8)));
        String app = createApp(Tokens.partnerAcme(), workVisa(person));
        action(Tokens.partnerAcme(), app, "submit", null).then().statusCode(200).body("state", is("SUBMITTED"));
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().statusCode(200);
    }

    @Test
    void startReviewRequestChangesAndResubmit() {
        String app = submittedAcme();
        as(Tokens.officer()).get("/api/v1/applications/" + app).then()
                .body("allowedActions", hasItems("start-review", "request-changes", "cancel", "claim"))
                .body("allowedActions", not(hasItem("submit")));
        denied(Tokens.hrAcme(), app, "start-review");
        action(Tokens.officer(), app, "start-review", null).then().statusCode(200).body("state", is("UNDER_REVIEW"));
        illegal(Tokens.officer(), app, "start-review", "UNDER_REVIEW");

        denied(Tokens.hrAcme(), app, "request-changes");
        action(Tokens.officer(), app, "request-changes", Map.of()).then().statusCode(400);
        action(Tokens.officer(), app, "request-changes", Map.of("comment", "passport copy is blurred",
                "documents", List.of(Map.of("requirementId", "r1", "documentCode", "passport-copy",
                        "reason", "blurred")))).then().statusCode(200).body("state", is("CHANGES_REQUESTED"));
        illegal(Tokens.officer(), app, "request-changes", "CHANGES_REQUESTED");

        denied(Tokens.officer(), app, "resubmit");
        action(Tokens.hrAcme(), app, "resubmit", Map.of("comment", "new scan")).then().statusCode(200)
                .body("state", is("SUBMITTED")).body("reviewRound", is(2));
        illegal(Tokens.hrAcme(), app, "resubmit", "SUBMITTED");

        as(Tokens.hrAcme()).get("/api/v1/applications/" + app + "/history").then().statusCode(200)
                .body("action", contains("create", "submit", "start-review", "request-changes", "resubmit"))
                .body("[3].actor", is("officer1")).body("[3].comment", is("passport copy is blurred"))
                .body("[4].actor", is("hr.acme"));
    }

    @Test
    void eventOnlyTransitionsCannotBeCalled() {
        String app = submittedAcme();
        for (String action : List.of("approve-documents", "book-appointment", "cancel-appointment")) {
            action(Tokens.officer(), app, action, null).then().statusCode(403);
            action(Tokens.admin(), app, action, null).then().statusCode(403);
        }
        action(Tokens.officer(), app, "no-such-action", null).then().statusCode(404);
    }

    @Test
    void originalsProcessingAndCompletion() {
        String app = bookedAcme();
        // the desk owns "originals received": neither officers nor the company take it here
        denied(Tokens.hrAcme(), app, "receive-originals");
        denied(Tokens.officer(), app, "receive-originals").body("detail", containsString("desk"));
        illegal(Tokens.officer(), app, "start-processing", "APPOINTMENT_BOOKED");
        visitCompleted(app);
        as(Tokens.officer()).get("/api/v1/applications/" + app).then().body("dueDate", notNullValue())
                .body("allowedActions", not(hasItem("receive-originals")));
        denied(Tokens.hrAcme(), app, "start-processing");
        illegal(Tokens.officer(), app, "complete", "ORIGINALS_RECEIVED");
        action(Tokens.officer(), app, "start-processing", null).then().statusCode(200)
                .body("state", is("IN_PROCESSING"));
        denied(Tokens.hrAcme(), app, "complete");
        String number = "C3-" + UUID.randomUUID().toString().substring(0, 8);
        // the outcome is required, complete, and the issued document must be in document-service first
        action(Tokens.officer(), app, "complete", null).then().statusCode(400).body("detail", containsString("issued"));
        action(Tokens.officer(), app, "complete", Map.of("outcome", Map.of("kind", "VISA",
                "issuedOn", TODAY.toString()))).then().statusCode(400)
                .body("errors.field", hasItems("outcome.number", "outcome.validUntil"));
        action(Tokens.officer(), app, "complete", visaOutcome(number, TODAY.plusYears(1))).then().statusCode(422)
                .body("rule", is("outcome-document-missing"));
        String document = outcomeDocumentUploaded(app);
        action(Tokens.officer(), app, "complete", visaOutcome(number, TODAY.plusYears(1))).then().statusCode(200)
                .body("state", is("COMPLETED")).body("allowedActions", empty())
                .body("outcome.kind", is("VISA")).body("outcome.number", is(number))
                .body("outcome.validUntil", is(TODAY.plusYears(1).toString()))
                .body("outcome.issuingBody", is("Migration Service, Astana"))
                .body("outcome.documentIds", contains(document));
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().body("outcome.number", is(number));
        illegal(Tokens.officer(), app, "cancel", "COMPLETED");
        illegal(Tokens.hrAcme(), app, "withdraw", "COMPLETED");
    }

    @Test
    void rejectNeedsAReason() {
        String app = submittedAcme();
        illegal(Tokens.officer(), app, "reject", "SUBMITTED");
        action(Tokens.officer(), app, "start-review", null).then().statusCode(200);
        denied(Tokens.hrAcme(), app, "reject");
        action(Tokens.officer(), app, "reject", Map.of()).then().statusCode(400);
        // structured reasons as well as the officer's text
        action(Tokens.officer(), app, "reject", Map.of("comment", "forged contract")).then().statusCode(400)
                .body("errors.field", hasItem("reasons"));
        action(Tokens.officer(), app, "reject", Map.of("comment", "forged contract", "reasons", List.of("FORGED")))
                .then().statusCode(400).body("errors.field", hasItem("reasons"));
        action(Tokens.officer(), app, "reject", Map.of("comment", "forged contract",
                "reasons", List.of("DOCUMENTS_INVALID", "SECURITY_CHECK_FAILED"))).then().statusCode(200)
                .body("state", is("REJECTED"));
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().statusCode(200)
                .body("rejection.reasons", contains("DOCUMENTS_INVALID", "SECURITY_CHECK_FAILED"))
                .body("rejection.comment", is("forged contract"));
        illegal(Tokens.officer(), app, "reject", "REJECTED");
    }

    @Test
    void withdrawByCompanyOnly() {
        String app = submittedAcme();
        denied(Tokens.officer(), app, "withdraw");
        action(Tokens.hrAcme(), app, "withdraw", Map.of("comment", "employee declined")).then().statusCode(200)
                .body("state", is("WITHDRAWN"));
        illegal(Tokens.hrAcme(), app, "withdraw", "WITHDRAWN");
        String draft = createApp(Tokens.hrAcme(), workVisa(defaultPerson(Tokens.hrAcme())));
        action(Tokens.hrAcme(), draft, "withdraw", null).then().statusCode(200).body("state", is("WITHDRAWN"));
    }

    @Test
    void cancelByOfficerWithReason() {
        String app = submittedAcme();
        denied(Tokens.hrAcme(), app, "cancel");
        action(Tokens.officer(), app, "cancel", Map.of()).then().statusCode(400);
        action(Tokens.officer(), app, "cancel", Map.of("comment", "duplicate case")).then().statusCode(200)
                .body("state", is("CANCELLED"));
        illegal(Tokens.officer(), app, "cancel", "CANCELLED");
    }

    @Test
    void applicantRoleHasNoAccess() {
        String app = submittedAcme();
        as(Tokens.applicant()).get("/api/v1/applications/" + app).then().statusCode(403);
        as(Tokens.applicant()).get("/api/v1/applications").then().statusCode(403);
        action(Tokens.applicant(), app, "withdraw", null).then().statusCode(403);
        as(Tokens.applicant()).body(workVisa(UUID.randomUUID().toString())).post("/api/v1/applications")
                .then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/applications/" + app).then().statusCode(401);
    }

    @Test
    void onlyTheAssigneeOrAnAdminActsOnAClaimedCase() {
        String app = submittedAcme();
        String officer2 = Tokens.user("officer2");
        action(Tokens.officer(), app, "claim", null).then().statusCode(200).body("assignee", is("officer1"));
        action(officer2, app, "claim", null).then().statusCode(409);
        as(officer2).get("/api/v1/applications/" + app).then()
                .body("allowedActions", not(hasItem("start-review")));
        action(officer2, app, "start-review", null).then().statusCode(403);
        action(officer2, app, "release", null).then().statusCode(403);
        action(Tokens.hrAcme(), app, "claim", null).then().statusCode(403);
        action(Tokens.officer(), app, "start-review", null).then().statusCode(200);
        action(Tokens.admin(), app, "request-changes", Map.of("comment", "admin override")).then()
                .statusCode(200);
        as(Tokens.admin()).body(Map.of("officer", "officer2")).post("/api/v1/applications/" + app + "/assign")
                .then().statusCode(200).body("assignee", is("officer2"));
        action(Tokens.officer(), app, "release", null).then().statusCode(403);
        action(officer2, app, "release", null).then().statusCode(200).body("assignee", nullValue());
    }

    /** #14.15: a case assigned to a name nobody holds was locked for everyone but admins. */
    @Test
    void aCaseIsAssignedOnlyToAnEnabledUserHoldingTheOfficerRole() {
        String app = submittedAcme();
        for (String nobody : new String[]{"ghost", "hr.acme", "applicant1", "OFFICER2"}) {
            as(Tokens.admin()).body(Map.of("officer", nobody)).post("/api/v1/applications/" + app + "/assign")
                    .then().statusCode(422).contentType(containsString("application/problem+json"))
                    .body("rule", is("unknown-officer"));
        }
        as(Tokens.officer()).get("/api/v1/applications/" + app).then().body("assignee", nullValue());
        // the realm's officers (admin holds the role too) can be assigned
        as(Tokens.officer()).body(Map.of("officer", "officer2")).post("/api/v1/applications/" + app + "/assign")
                .then().statusCode(200).body("assignee", is("officer2"));
        as(Tokens.admin()).body(Map.of("officer", "admin")).post("/api/v1/applications/" + app + "/assign")
                .then().statusCode(200).body("assignee", is("admin"));
        // HR cannot assign at all, whoever the name
        as(Tokens.hrAcme()).body(Map.of("officer", "officer1")).post("/api/v1/applications/" + app + "/assign")
                .then().statusCode(403);
    }

    /** #14.11: free text with an unpaired UTF-16 surrogate was stored with "?" in its place. */
    @Test
    void textWithAnUnpairedSurrogateIsRefusedAndAPairIsKept() {
        String app = submittedAcme();
        as(Tokens.officer()).body("{\"text\":\"call HR \\ud800 today\"}").post("/api/v1/applications/" + app
                + "/notes").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("text")).body("detail", containsString("surrogate"));
        as(Tokens.officer()).body("{\"text\":\"call HR \\ud83d\\udcde today\"}").post("/api/v1/applications/"
                + app + "/notes").then().statusCode(201);
        as(Tokens.officer()).get("/api/v1/applications/" + app + "/notes").then()
                .body("text", contains("call HR \ud83d\udcde today"));
    }

    @Test
    void internalNotesAreForOfficersOnly() {
        String app = submittedAcme();
        as(Tokens.officer()).body(Map.of("text", "call the HR about the contract")).post(
                "/api/v1/applications/" + app + "/notes").then().statusCode(201);
        as(Tokens.officer()).get("/api/v1/applications/" + app + "/notes").then().statusCode(200)
                .body("text", hasItem("call the HR about the contract"));
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app + "/notes").then().statusCode(403);
        as(Tokens.hrAcme()).body(Map.of("text", "x")).post("/api/v1/applications/" + app + "/notes").then()
                .statusCode(403);
        String company = as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().statusCode(200).extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertFalse(company.contains("call the HR"));
    }

    @Test
    void officerQueueFilters() {
        String app = submittedAcme();
        as(Tokens.officer()).queryParam("state", "SUBMITTED").queryParam("companyBin", ACME)
                .queryParam("serviceCode", "work-visa-issuance").queryParam("unassigned", true).queryParam("size", 200)
                .get("/api/v1/officer/queue").then().statusCode(200).body("items.id", hasItem(app))
                .body("items.state", everyItem(is("SUBMITTED")));
        as(Tokens.officer()).queryParam("state", "SUBMITTED").queryParam("companyBin", GLOBEX)
                .get("/api/v1/officer/queue").then().statusCode(200).body("items.id", not(hasItem(app)));
        as(Tokens.hrAcme()).get("/api/v1/officer/queue").then().statusCode(403);
    }
}
