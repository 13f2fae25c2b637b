package kz.aifc.expat.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import kz.aifc.expat.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import static kz.aifc.expat.scheduling.TestCalendar.at;
import static kz.aifc.expat.scheduling.TestCalendar.monday;
import static kz.aifc.expat.scheduling.TestSupport.ACME;
import static kz.aifc.expat.scheduling.TestSupport.GLOBEX;
import static kz.aifc.expat.scheduling.TestSupport.as;
import static kz.aifc.expat.scheduling.TestSupport.book;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security finding #14.14: a company holds at most {@code scheduling.max-holds-per-company} slots at once (429
 * {@code too-many-holds}) and waits {@code scheduling.hold-cooldown} before holding again a seat whose hold it let
 * go (429 {@code hold-cooldown}), each with Retry-After. Holds last five minutes here, so nothing expires unasked;
 * the cap is 3 and the cool-down two minutes.
 */
@QuarkusTest
@TestProfile(HoldLimitsTest.SmallCap.class)
class HoldLimitsTest {

    public static class SmallCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scheduling.hold-duration", "PT5M", "scheduling.max-holds-per-company", "3",
                    "scheduling.hold-cooldown", "PT2M");
        }
    }

    private static final String P = "https://expat.aifc.kz/problems/";

    @BeforeAll
    static void clean() {
        TestSupport.resetSchedule();
    }

    @AfterEach
    void clock() {
        AdjustableClock.reset();
    }

    private static String held(String token, String app, OffsetDateTime start) {
        return book(token, app, start, true).then().statusCode(201).body("status", equalTo("HELD"))
                .extract().path("id");
    }

    private static void cancel(String token, String id) {
        as(token).body(Map.of()).post("/api/v1/appointments/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    private static void assertRefused(Response r, String kind, long maxRetryAfter) {
        r.then().statusCode(429).contentType("application/problem+json").body("type", equalTo(P + kind))
                .body("status", equalTo(429));
        long retryAfter = Long.parseLong(r.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= maxRetryAfter, "Retry-After " + retryAfter);
    }

    @Test
    void aCompanyHoldsAtMostTheCapAndWaitsBeforeHoldingAReleasedSeatAgain() {
        LocalDate thu = monday().plusDays(3);
        OffsetDateTime s1 = at(thu, 9, 0);
        OffsetDateTime s2 = at(thu, 9, 30);
        OffsetDateTime s3 = at(thu, 10, 0);
        OffsetDateTime s4 = at(thu, 10, 30);
        String a1 = TestSupport.approved(ACME);
        String a2 = TestSupport.approved(ACME);
        String a3 = TestSupport.approved(ACME);
        String a4 = TestSupport.approved(ACME);
        String h1 = held(Tokens.hrAcme(), a1, s1);
        String h2 = held(Tokens.partnerAcme(), a2, s2);
        held(Tokens.hrAcme(), a3, s3);
        Response fourth = book(Tokens.hrAcme(), a4, s4, true);
        assertRefused(fourth, "too-many-holds", 300);
        fourth.then().body("limit", equalTo(3));
        // the cap is per company: another company holds the same seat
        held(Tokens.hrGlobex(), TestSupport.approved(GLOBEX), s4);
        // booking directly is a commitment, not a hold: not capped
        cancel(Tokens.hrAcme(), TestSupport.booked(Tokens.hrAcme(), a4, at(thu, 11, 0)));

        // one hold let go: room for another hold, but not for that seat again at once
        cancel(Tokens.hrAcme(), h1);
        held(Tokens.hrAcme(), a4, s4);
        cancel(Tokens.hrAcme(), h2);
        assertRefused(book(Tokens.hrAcme(), a1, s1, true), "hold-cooldown", 120);
        assertRefused(book(Tokens.partnerAcme(), a2, s1, true), "hold-cooldown", 120);
        // an overlapping slot of another length is the same seat
        String shortApp = TestSupport.approved(ACME, "iin");
        assertRefused(book(Tokens.hrAcme(), shortApp, s1.plusMinutes(15), true), "hold-cooldown", 120);
        // the cool-down is the company's own
        held(Tokens.hrGlobex(), TestSupport.approved(GLOBEX), s1);

        // two minutes on, the seat may be held again
        AdjustableClock.set(AdjustableClock.now().plusMinutes(2).plusSeconds(5).toInstant());
        String again = held(Tokens.hrAcme(), a1, s1);

        // a hold that runs out starts the cool-down too
        AdjustableClock.set(AdjustableClock.now().plusMinutes(6).toInstant());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "EXPIRED".equals(
                as(Tokens.hrAcme()).get("/api/v1/appointments/" + again).then().extract().path("status")));
        assertRefused(book(Tokens.hrAcme(), a1, s1, true), "hold-cooldown", 120);
        // booking it outright stays possible
        TestSupport.booked(Tokens.hrAcme(), a1, s1);
    }
}
