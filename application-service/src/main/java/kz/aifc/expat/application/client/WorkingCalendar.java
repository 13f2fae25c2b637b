package kz.aifc.expat.application.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kazakhstan working days from the catalog's calendar, fetched a year at a time and cached for an hour; the
 * arithmetic is local. A date absent from the catalog's answer counts as working unless it is a Saturday/Sunday.
 */
@ApplicationScoped
public class WorkingCalendar {

    private static final Duration TTL = Duration.ofHours(1);

    @Inject
    CatalogGateway catalog;

    private record Year(Map<LocalDate, Boolean> days, long loadedAt) {
    }

    private final Map<Integer, Year> years = new ConcurrentHashMap<>();

    public boolean isWorking(LocalDate date) {
        Boolean working = year(date.getYear()).get(date);
        if (working != null) {
            return working;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The date {@code days} working days after {@code date} (the start day itself is day 0). */
    public LocalDate addWorkingDays(LocalDate date, int days) {
        LocalDate d = date;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorking(d)) {
                left--;
            }
        }
        return d;
    }

    /** The working day that lies {@code days} working days before {@code date} (the date itself not counted). */
    public LocalDate minusWorkingDays(LocalDate date, int days) {
        LocalDate d = date;
        int left = days;
        while (left > 0) {
            d = d.minusDays(1);
            if (isWorking(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days in the half-open interval ({@code from}, {@code to}]: 0 when to is not after from. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorking(d)) {
                n++;
            }
        }
        return n;
    }

    private Map<LocalDate, Boolean> year(int year) {
        Year cached = years.get(year);
        if (cached != null && System.nanoTime() - cached.loadedAt < TTL.toNanos()) {
            return cached.days;
        }
        JsonNode answer = catalog.days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (JsonNode day : answer) {
            if (day.hasNonNull("date") && day.has("working")) {
                days.put(LocalDate.parse(day.get("date").asText()), day.get("working").asBoolean());
            }
        }
        years.put(year, new Year(days, System.nanoTime()));
        return days;
    }
}
