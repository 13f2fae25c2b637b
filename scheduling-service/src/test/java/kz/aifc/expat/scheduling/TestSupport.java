package kz.aifc.expat.scheduling;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.aifc.expat.testing.KafkaProbe;
import org.awaitility.Awaitility;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Shared fixtures: the test database (plain JDBC), upstream events over the real broker, REST shortcuts. */
public final class TestSupport {

    public static final String ACME = "180340021791";
    public static final String GLOBEX = "190540001230";
    public static final String SERVICE = "work-visa-issuance";
    static final String DB_URL = System.getenv().getOrDefault("DB_URL_TEST",
            "jdbc:postgresql://127.0.0.1:5432/scheduling_test");

    private TestSupport() {
    }

    /** The test database is reused across runs: each test class starts from empty scheduling tables. */
    public static void resetSchedule() {
        update("TRUNCATE appointment, seat_bucket, closure, counter_override, weekday_counters, bookable_application, "
                + "catalog_day RESTART IDENTITY");
    }

    /** Seats booked in the 15-minute bucket starting at {@code bucket} (0 if it was never materialised). */
    public static long seatsAt(OffsetDateTime bucket) {
        return count("SELECT coalesce(sum(booked), 0) FROM seat_bucket WHERE starts_at = ?", bucket);
    }

    /** Capacity of the bucket starting at {@code bucket}, or -1 if it was never materialised. */
    public static long capacityAt(OffsetDateTime bucket) {
        return count("SELECT coalesce(max(capacity), -1) FROM seat_bucket WHERE starts_at = ?", bucket);
    }

    public static Connection db() throws SQLException {
        return DriverManager.getConnection(DB_URL, "scheduling", "scheduling");
    }

    public static int update(String sql, Object... args) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    result.add(row);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... args) {
        return ((Number) rows(sql, args).get(0).values().iterator().next()).longValue();
    }

    public static String newApplicationId() {
        return "app-" + UUID.randomUUID();
    }

    // ------------------------------------------------------------- upstream events

    /** {@code documents.approved} as older producers sent it: without {@code bookingNeeded}. */
    public static void sendDocumentsApproved(String applicationId, String companyBin, String serviceCode, int round) {
        sendDocumentsApproved(applicationId, companyBin, serviceCode, round, null);
    }

    /** {@code bookingNeeded} null: the field is left out. */
    public static void sendDocumentsApproved(String applicationId, String companyBin, String serviceCode, int round,
                                             Boolean bookingNeeded) {
        KafkaProbe.send("expat.document", UUID.randomUUID().toString(), "documents.approved", applicationId,
                "{\"applicationId\":\"" + applicationId + "\",\"companyBin\":\"" + companyBin
                        + "\",\"serviceCode\":\"" + serviceCode + "\",\"round\":" + round
                        + ",\"approvedAt\":\"" + AdjustableClock.now() + "\""
                        + (bookingNeeded == null ? "" : ",\"bookingNeeded\":" + bookingNeeded) + "}");
    }

    /** Approves and waits until this service has recorded that booking is open. */
    public static String approved(String companyBin) {
        return approved(companyBin, SERVICE);
    }

    public static String approved(String companyBin, String serviceCode) {
        String id = newApplicationId();
        sendDocumentsApproved(id, companyBin, serviceCode, 1);
        awaitOpen(id, true);
        return id;
    }

    public static void awaitOpen(String applicationId, boolean open) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() ->
                count("SELECT count(*) FROM bookable_application WHERE application_id = ? AND open = ?",
                        applicationId, open) == 1);
    }

    public static void sendChangesRequested(String applicationId, String companyBin, int round) {
        KafkaProbe.send("expat.application", UUID.randomUUID().toString(), "application.changes-requested",
                applicationId, "{\"applicationId\":\"" + applicationId + "\",\"companyBin\":\"" + companyBin
                        + "\",\"round\":" + round + ",\"documents\":[{\"requirementId\":\"r1\",\"documentCode\":"
                        + "\"passport\",\"reason\":\"blurred\"}],\"at\":\"" + AdjustableClock.now() + "\"}");
    }

    public static void sendWithdrawn(String applicationId, String companyBin) {
        KafkaProbe.send("expat.application", UUID.randomUUID().toString(), "application.withdrawn", applicationId,
                "{\"applicationId\":\"" + applicationId + "\",\"companyBin\":\"" + companyBin + "\",\"at\":\""
                        + AdjustableClock.now() + "\"}");
    }

    /**
     * {@code catalog.calendar-changed} as catalog-service's outbox publishes it (key = the date); {@code name} and
     * {@code nameEn} null as after a removal. Returns the event id.
     */
    public static String sendCalendarChanged(java.time.LocalDate date, boolean working, String kind, String name,
                                             String nameEn, OffsetDateTime changedAt) {
        String id = UUID.randomUUID().toString();
        sendCalendarChanged(id, date, working, kind, name, nameEn, changedAt);
        return id;
    }

    public static void sendCalendarChanged(String eventId, java.time.LocalDate date, boolean working, String kind,
                                           String name, String nameEn, OffsetDateTime changedAt) {
        KafkaProbe.send("expat.catalog", eventId, "catalog.calendar-changed", date.toString(),
                "{\"date\":\"" + date + "\",\"working\":" + working + ",\"kind\":\"" + kind + "\",\"name\":"
                        + json(name) + ",\"nameEn\":" + json(nameEn) + ",\"changedAt\":\""
                        + changedAt.toInstant() + "\",\"changedBy\":\"admin\"}");
    }

    private static String json(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Waits until this service's inbox has recorded the event (applied or found stale: either way handled). */
    public static void awaitHandled(String eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() ->
                count("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId) == 1);
    }

    // ------------------------------------------------------------- REST

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    public static Response book(String token, String applicationId, OffsetDateTime start, boolean hold) {
        return as(token).body(Map.of("applicationId", applicationId, "start", TestCalendar.iso(start), "hold", hold))
                .post("/api/v1/appointments");
    }

    /** Books and returns the appointment id (asserting 201). */
    public static String booked(String token, String applicationId, OffsetDateTime start) {
        return book(token, applicationId, start, false).then().statusCode(201).extract().path("id");
    }

    public static int remaining(String serviceCode, OffsetDateTime start) {
        List<Map<String, Object>> slots = RestAssured.given().queryParam("serviceCode", serviceCode)
                .queryParam("from", start.toLocalDate().toString()).queryParam("to", start.toLocalDate().toString())
                .get("/api/v1/slots").then().statusCode(200).extract().path("slots");
        return slots.stream().filter(s -> TestCalendar.iso(start).equals(s.get("start")))
                .map(s -> (Integer) s.get("remaining")).findFirst()
                .orElseThrow(() -> new AssertionError("no slot at " + start));
    }

    public static OffsetDateTime randomWeekdaySlot() {
        // Monday, Tuesday, Thursday or Friday of the test week (Wednesday is the holiday); 30-minute grid
        int[] days = {0, 1, 3, 4};
        int day = days[ThreadLocalRandom.current().nextInt(days.length)];
        int[] hours = {9, 10, 11, 12, 14, 15, 16, 17};
        int hour = hours[ThreadLocalRandom.current().nextInt(hours.length)];
        return TestCalendar.at(TestCalendar.monday().plusDays(day), hour,
                ThreadLocalRandom.current().nextBoolean() ? 0 : 30);
    }
}
