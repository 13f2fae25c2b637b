package kz.aifc.expat.application;

import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.application.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue #13: an officer may send a case back at any stage before completion, and every such path leads to a
 * completed case — through the real broker, as document- and scheduling-service would answer. Along the way no
 * state leaves both the company and the officer without an action.
 */
@QuarkusTest
class SendBackTest {

    @org.junit.jupiter.api.BeforeEach
    void companies() {
        ensureCompanies();
    }

    /** Drives a new Acme case to {@code state}; returns its id. */
    private static String caseIn(String state) {
        return switch (state) {
            case "SUBMITTED" -> submittedAcme();
            case "UNDER_REVIEW" -> {
                String app = submittedAcme();
                action(Tokens.officer(), app, "start-review", null).then().statusCode(200);
                yield app;
            }
            case "DOCUMENTS_APPROVED" -> {
                String app = submittedAcme();
                documentsApproved(app, 1);
                awaitState(app, "DOCUMENTS_APPROVED");
                yield app;
            }
            case "APPOINTMENT_BOOKED" -> bookedAcme();
            case "ORIGINALS_RECEIVED" -> {
                String app = bookedAcme();
                visitCompleted(app);
                yield app;
            }
            case "IN_PROCESSING" -> inProcessingAcme();
            default -> throw new IllegalArgumentException(state);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUBMITTED", "UNDER_REVIEW", "DOCUMENTS_APPROVED", "APPOINTMENT_BOOKED",
            "ORIGINALS_RECEIVED", "IN_PROCESSING"})
    void sentBackFromEveryStageTheCaseStillEndsCompleted(String stage) {
        String app = caseIn(stage);
        assertEquals(stage, state(app));
        boolean visitDone = stage.equals("ORIGINALS_RECEIVED") || stage.equals("IN_PROCESSING");
        try (KafkaProbe probe = new KafkaProbe("expat.application")) {
            action(Tokens.officer(), app, "request-changes", Map.of("comment", "the state body needs a new photo",
                    "documents", List.of(Map.of("documentCode", "photo", "reason", "too dark")))).then()
                    .statusCode(200).body("state", is("CHANGES_REQUESTED"))
                    .body("appointment", nullValue());
            List<ConsumerRecord<String, String>> sent = probe.exactly(
                    KafkaProbe.ofType("application.changes-requested", app), 1, Duration.ofSeconds(30));
            assertEquals(1, sent.size());
            String json = sent.get(0).value();
            org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"fromState\":\"" + stage + "\""), json);
            org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"originalsReceived\":" + visitDone), json);
            org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"documentCode\":\"photo\""), json);
        }
        assertSomeoneCanAct(app);
        // the company corrects and resubmits; document-service approves the new round
        action(Tokens.hrAcme(), app, "resubmit", Map.of("comment", "new photo uploaded")).then().statusCode(200)
                .body("state", is("SUBMITTED"));
        assertSomeoneCanAct(app);
        documentsApproved(app, 2);
        if (visitDone) {
            // the originals were handed in already: straight back to processing, no new visit
            awaitState(app, "ORIGINALS_RECEIVED");
            as(Tokens.officer()).get("/api/v1/applications/" + app + "/history").then()
                    .body("action", hasItem("resume-after-changes"));
        } else {
            awaitState(app, "DOCUMENTS_APPROVED");
            assertSomeoneCanAct(app);
            appointment("appointment.booked", app, "ap-" + UUID.randomUUID(), UUID.randomUUID().toString());
            awaitState(app, "APPOINTMENT_BOOKED");
            visitCompleted(app);
        }
        assertSomeoneCanAct(app);
        action(Tokens.officer(), app, "start-processing", null).then().statusCode(200);
        completeWithVisa(app, "C3-" + UUID.randomUUID().toString().substring(0, 6), TODAY.plusYears(1));
    }

    @org.junit.jupiter.api.Test
    void aDraftCannotBeSentBack() {
        String app = createApp(Tokens.hrAcme(), workVisa(defaultPerson(Tokens.hrAcme())));
        action(Tokens.officer(), app, "request-changes", Map.of("comment", "x")).then().statusCode(409)
                .body("currentState", is("DRAFT"));
    }

    /**
     * In an open state the company or an officer has a step that moves the case on (withdrawing, cancelling and
     * claiming do not count; booking a visit in DOCUMENTS_APPROVED is scheduling-service's and is walked above).
     */
    private static void assertSomeoneCanAct(String app) {
        List<String> company = as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().extract()
                .path("allowedActions");
        company.remove("withdraw");
        List<String> officer = as(Tokens.officer()).get("/api/v1/applications/" + app).then().extract()
                .path("allowedActions");
        officer.removeAll(List.of("claim", "release", "assign", "cancel"));
        assertFalse(company.isEmpty() && officer.isEmpty(), "dead end in " + state(app) + ": company " + company
                + ", officer " + officer);
    }
}
