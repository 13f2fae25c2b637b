package kz.aifc.expat.scheduling;

import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The test week: a real week of the real office calendar served by catalog-service (the week of 14 December 2026,
 * whose Wednesday is Independence Day in the centre's guide). "Now" is pinned ({@link AdjustableClock}) to the
 * Friday before it, so the tests do not depend on the day they run on. Which days are non-working is asked from the
 * real catalog, never copied here.
 */
public final class TestCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    /** The real catalog-service, as the service under test is configured to reach it. */
    public static final String CATALOG_URL = System.getenv().getOrDefault("CATALOG_URL", "http://127.0.0.1:8081");
    /** Monday of the test week. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 14);
    /** "Now" at the start of every test: Friday 10:00 before the test week (every slot of it past the lead time). */
    public static final OffsetDateTime PINNED_NOW = MONDAY.minusDays(3).atTime(10, 0).atZone(ZONE).toOffsetDateTime();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile Map<LocalDate, Boolean> weekDays;
    private static volatile LocalDate holiday;

    private TestCalendar() {
    }

    /** Today as the service under test sees it (the pinned clock). */
    public static LocalDate today() {
        return AdjustableClock.now().atZoneSameInstant(ZONE).toLocalDate();
    }

    /** Monday of the test week. */
    public static LocalDate monday() {
        return MONDAY;
    }

    /** Date to working? for the test week (Monday to Sunday), as the real catalog answers it. */
    public static Map<LocalDate, Boolean> week() {
        Map<LocalDate, Boolean> days = weekDays;
        if (days == null) {
            days = new TreeMap<>();
            for (Map<String, Object> day : catalogDays(MONDAY, MONDAY.plusDays(6))) {
                days.put(LocalDate.parse((String) day.get("date")), (Boolean) day.get("working"));
            }
            if (days.size() != 7) {
                throw new AssertionError("catalog-service answered " + days.size() + " days for the test week");
            }
            weekDays = days;
        }
        return days;
    }

    /**
     * The public holiday of the test week according to the real catalog: its only non-working weekday. The tests
     * use the other weekdays as working days, so the week is checked to have exactly that shape.
     */
    public static LocalDate holiday() {
        LocalDate known = holiday;
        if (known == null) {
            List<LocalDate> offWeekdays = week().entrySet().stream()
                    .filter(e -> !e.getValue() && e.getKey().getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue())
                    .map(Map.Entry::getKey).toList();
            if (offWeekdays.size() != 1) {
                throw new AssertionError("the test week must hold exactly one non-working weekday in catalog-service"
                        + " (a public holiday); the catalog lists " + offWeekdays);
            }
            known = offWeekdays.get(0);
            holiday = known;
        }
        return known;
    }

    /** {@code GET /api/v1/calendar/days} of the real catalog-service. */
    public static List<Map<String, Object>> catalogDays(LocalDate from, LocalDate to) {
        return catalog("/api/v1/calendar/days?from=" + from + "&to=" + to).getList("$");
    }

    /** {@code GET /api/v1/calendar/office} of the real catalog-service. */
    public static JsonPath catalogOffice() {
        return catalog("/api/v1/calendar/office");
    }

    private static JsonPath catalog(String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(CATALOG_URL + pathAndQuery))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("catalog-service " + pathAndQuery + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return JsonPath.from(response.body());
        } catch (IOException e) {
            throw new AssertionError("catalog-service is not reachable at " + CATALOG_URL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * An admin's {@code PUT /api/v1/calendar/days/{date}} on the real catalog-service (which then publishes
     * {@code catalog.calendar-changed} to the running system's topic, not to this run's). Only for dates no other
     * test and no running case uses; remove it again with {@link #removeCatalogDay}.
     */
    public static void putCatalogDay(LocalDate date, boolean working, String kind, String reasonRu,
                                     String reasonEn) {
        io.restassured.RestAssured.given().auth().oauth2(kz.aifc.expat.testing.Tokens.admin())
                .contentType("application/json")
                .body(Map.of("working", working, "kind", kind, "reasonRu", reasonRu, "reasonEn", reasonEn))
                .put(CATALOG_URL + "/api/v1/calendar/days/" + date).then().statusCode(200);
    }

    /** {@code DELETE /api/v1/calendar/days/{date}} on the real catalog; a day that has no entry is fine (404). */
    public static void removeCatalogDay(LocalDate date) {
        int status = io.restassured.RestAssured.given().auth().oauth2(kz.aifc.expat.testing.Tokens.admin())
                .delete(CATALOG_URL + "/api/v1/calendar/days/" + date).then().extract().statusCode();
        if (status != 204 && status != 404) {
            throw new AssertionError("catalog-service answered " + status + " removing " + date);
        }
    }

    public static OffsetDateTime at(LocalDate date, int hour, int minute) {
        return date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toOffsetDateTime();
    }

    public static String iso(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
