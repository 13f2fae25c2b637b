package kz.aifc.expat.application;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.aifc.expat.application.service.AppClock;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static kz.aifc.expat.application.Api.*;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class DeadlineAndRadarTest {

    @Inject
    AppClock clock;

    @BeforeEach
    void companies() {
        ensureCompanies();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static LocalDate due(String app) {
        return LocalDate.parse(as(Tokens.officer()).get("/api/v1/applications/" + app).then().extract()
                .path("dueDate"));
    }

    @Test
    void dueDateCountsProcessingWorkingDaysFromTheOriginals() {
        String app = bookedAcme();
        as(Tokens.officer()).get("/api/v1/applications/" + app).then().body("dueDate", nullValue());
        visitCompleted(app);
        as(Tokens.officer()).get("/api/v1/applications/" + app).then()
                .body("dueDate", is(addWorkingDays(TODAY, processingDays("work-visa-issuance")).toString()));
    }

    @Test
    void deadlineIsPausedWhileWaitingOnTheApplicant() {
        String app = inProcessingAcme();
        LocalDate original = due(app);
        action(Tokens.officer(), app, "request-changes", Map.of("comment", "the state body needs a new photo"))
                .then().statusCode(200).body("state", is("CHANGES_REQUESTED")).body("deadlinePaused", is(true));
        clock.shift(Duration.ofDays(7));
        LocalDate resumed = TODAY.plusDays(7);
        action(Tokens.hrAcme(), app, "resubmit", null).then().statusCode(200).body("state", is("SUBMITTED"))
                .body("deadlinePaused", is(false))
                .body("dueDate", is(addWorkingDays(original, workingDaysBetween(TODAY, resumed))
                        .toString()));
    }

    @Test
    void officerExtendsTheDeadlineByUpTo30CalendarDaysWithAReason() {
        String app = inProcessingAcme();
        LocalDate original = due(app);
        action(Tokens.hrAcme(), app, "extend-deadline", Map.of("days", 5, "comment", "x")).then().statusCode(403);
        action(Tokens.officer(), app, "extend-deadline", Map.of("days", 10)).then().statusCode(400);
        action(Tokens.officer(), app, "extend-deadline", Map.of("days", 31, "comment", "too long")).then()
                .statusCode(400);
        action(Tokens.officer(), app, "extend-deadline", Map.of("days", 10, "comment", "migration police delay"))
                .then().statusCode(200).body("dueDate", is(original.plusDays(10).toString()))
                .body("deadlineExtensionDays", is(10)).body("deadlineExtensionReason", is("migration police delay"))
                .body("state", is("IN_PROCESSING"));
        action(Tokens.officer(), app, "extend-deadline", Map.of("days", 21, "comment", "more")).then()
                .statusCode(422).body("rule", is("deadline-extension-limit"));
        as(Tokens.officer()).get("/api/v1/applications/" + app + "/history").then()
                .body("action", hasItem("extend-deadline"));
        String submitted = submittedAcme();
        action(Tokens.officer(), submitted, "extend-deadline", Map.of("days", 5, "comment", "x")).then()
                .statusCode(409).body("currentState", is("SUBMITTED"));
    }

    @Test
    void officersListOverdueAndNearingDueCases() {
        String app = inProcessingAcme();
        as(Tokens.officer()).queryParam("withinWorkingDays", 10).get("/api/v1/officer/deadlines").then()
                .statusCode(200).body("nearingDue.id", hasItem(app)).body("overdue.id", not(hasItem(app)));
        clock.shift(Duration.ofDays(30));
        as(Tokens.officer()).get("/api/v1/officer/deadlines").then().statusCode(200)
                .body("overdue.id", hasItem(app)).body("nearingDue.id", not(hasItem(app)));
        as(Tokens.officer()).queryParam("dueBefore", TODAY.plusDays(30).toString()).queryParam("size", 200)
                .queryParam("state", "IN_PROCESSING").get("/api/v1/officer/queue").then().statusCode(200)
                .body("items.id", hasItem(app));
        as(Tokens.hrAcme()).get("/api/v1/officer/deadlines").then().statusCode(403);
    }

    @Test
    void visaExpiryRadarShowsExtensionWindows() {
        LocalDate soon = addWorkingDays(TODAY, 20);
        java.util.Map<String, Object> p1 = person("GBR", TODAY.plusYears(5));
        p1.put("currentVisa", visa("VISA", "C3", soon, ACME));
        String open = createPerson(Tokens.hrAcme(), p1);
        LocalDate later = TODAY.plusDays(120);
        java.util.Map<String, Object> p2 = person("GBR", TODAY.plusYears(5));
        p2.put("currentVisa", visa("VISA", "C3", later, ACME));
        String upcoming = createPerson(Tokens.hrAcme(), p2);

        as(Tokens.hrAcme()).queryParam("withinDays", 30).get("/api/v1/radar/visa-expiry").then().statusCode(200)
                .body("personId", hasItem(open)).body("personId", not(hasItem(upcoming)))
                .body("find { it.personId == '" + open + "' }.windowOpen", is(true))
                .body("find { it.personId == '" + open + "' }.windowFirstDay",
                        is(minusWorkingDays(soon, 30).toString()))
                .body("find { it.personId == '" + open + "' }.windowLastDay",
                        is(minusWorkingDays(soon, 5).toString()));
        as(Tokens.hrAcme()).queryParam("withinDays", 120).get("/api/v1/radar/visa-expiry").then().statusCode(200)
                .body("find { it.personId == '" + upcoming + "' }.windowOpen", is(false))
                .body("find { it.personId == '" + upcoming + "' }.windowFirstDay",
                        is(minusWorkingDays(later, 30).toString()));
        as(Tokens.hrGlobex()).queryParam("withinDays", 120).get("/api/v1/radar/visa-expiry").then()
                .statusCode(200).body("personId", not(hasItem(open)));
        as(Tokens.officer()).get("/api/v1/radar/visa-expiry").then().statusCode(400);
        as(Tokens.officer()).queryParam("companyBin", ACME).queryParam("withinDays", 30)
                .get("/api/v1/radar/visa-expiry").then().statusCode(200).body("personId", hasItem(open));
    }

    @Test
    void completedApplicationsFeedTheRadar() {
        String app = inProcessingAcme();
        String person = as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().extract().path("personId");
        LocalDate validUntil = addWorkingDays(TODAY, 20);
        completeWithVisa(app, "C3-777", validUntil);
        as(Tokens.hrAcme()).queryParam("withinDays", 10).get("/api/v1/radar/visa-expiry").then().statusCode(200)
                .body("find { it.personId == '" + person + "' }.visaNumber", is("C3-777"));
    }
}
