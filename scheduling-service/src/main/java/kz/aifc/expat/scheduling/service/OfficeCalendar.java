package kz.aifc.expat.scheduling.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.cache.StaleOnOutageCache;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.scheduling.client.CatalogCalendarClient;
import kz.aifc.expat.scheduling.client.CatalogCalendarClient.CalendarDayDto;
import kz.aifc.expat.scheduling.client.CatalogCalendarClient.OfficeDto;
import kz.aifc.expat.scheduling.client.CatalogRefusedException;
import kz.aifc.expat.scheduling.config.SchedulingConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The office calendar from catalog-service, cached in memory (service-defaults' {@link StaleOnOutageCache}). A fresh
 * copy is reused for the configured TTL; when the catalog cannot be reached a stale copy is used; only when nothing
 * is known for a date does a request fail (503). A refusal of the catalog is never hidden by a stale copy. Office
 * hours fall back to configuration.
 */
@ApplicationScoped
public class OfficeCalendar {

    private static final Logger LOG = Logger.getLogger(OfficeCalendar.class);
    /** The catalog answers at most 400 days per request. */
    private static final int MAX_RANGE_DAYS = 400;
    /** Bound of each cache: far more days than the booking window and the admin views ask for. */
    private static final long MAX_CACHED = 20_000;
    /**
     * The dates catalog-service keeps a calendar for (it refuses others with 400). This service accepts no date
     * outside them from a client, so nothing a client sends makes the catalog say no.
     */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2300, 12, 31);

    /** Whether {@code date} lies within {@link #FIRST_DATE} … {@link #LAST_DATE}. */
    public static boolean supported(LocalDate date) {
        return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
    }

    /** 400 naming {@code field} unless the date is {@link #supported(LocalDate)}. */
    public static LocalDate requireSupported(String field, LocalDate date) {
        if (!supported(date)) {
            throw ProblemException.badRequest(field, "must be a date between " + FIRST_DATE + " and " + LAST_DATE);
        }
        return date;
    }

    public record Office(ZoneId zone, LocalTime opens, LocalTime closes, LocalTime lunchStart, LocalTime lunchEnd,
                         String address, String email) {
    }

    public record Day(LocalDate date, boolean working, String reason) {
    }

    @Inject
    @RestClient
    CatalogCalendarClient catalog;

    @Inject
    SchedulingConfig config;

    @Inject
    Clock clock;

    private StaleOnOutageCache<LocalDate, Day> days;
    private StaleOnOutageCache<LocalDate, LocalDate> latestWorking;
    private StaleOnOutageCache<String, Office> office;

    @PostConstruct
    void init() {
        days = new StaleOnOutageCache<>(config.calendarCacheTtl(), MAX_CACHED, System::nanoTime,
                OfficeCalendar::catalogDown);
        latestWorking = new StaleOnOutageCache<>(config.calendarCacheTtl(), MAX_CACHED, System::nanoTime,
                OfficeCalendar::catalogDown);
        office = new StaleOnOutageCache<>(config.calendarCacheTtl(), 1, System::nanoTime, OfficeCalendar::catalogDown);
    }

    /** Any failure but the catalog's own refusal means it cannot answer now: a stale copy is better than none. */
    private static boolean catalogDown(RuntimeException e) {
        return !(e instanceof CatalogRefusedException);
    }

    public Office office() {
        try {
            return office.get("office", k -> loadOffice());
        } catch (RuntimeException e) {
            LOG.warnf("catalog office unavailable (%s) and none cached; using configured office hours", e.toString());
            SchedulingConfig.Office c = config.office();
            return new Office(config.zone(), c.opens(), c.closes(), c.lunchStart(), c.lunchEnd(), c.address(),
                    c.email().orElse(null));
        }
    }

    private Office loadOffice() {
        OfficeDto dto = catalog.office();
        SchedulingConfig.Office fallback = config.office();
        return new Office(
                dto.timeZone() == null ? config.zone() : ZoneId.of(dto.timeZone()),
                time(dto.opens(), fallback.opens()), time(dto.closes(), fallback.closes()),
                time(dto.lunchStart(), fallback.lunchStart()), time(dto.lunchEnd(), fallback.lunchEnd()),
                dto.address() == null || dto.address().isBlank() ? fallback.address() : dto.address(),
                dto.email() != null ? dto.email() : fallback.email().orElse(null));
    }

    /** Working-day information for every date in [from, to]. */
    public Map<LocalDate, Day> days(LocalDate from, LocalDate to) {
        requireSupported("from", from);
        requireSupported("to", to);
        Map<LocalDate, Day> result = new HashMap<>();
        boolean complete = true;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Day hit = days.getIfFresh(d);
            if (hit == null) {
                complete = false;
                break;
            }
            result.put(d, hit);
        }
        if (complete) {
            return result;
        }
        // Fetch a little more than asked (the booking window), so the next requests are answered from memory
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        LocalDate fetchFrom = from.isBefore(today) ? from : today;
        LocalDate fetchTo = to.isAfter(today.plusDays(config.horizonDays() + 1)) ? to
                : today.plusDays(config.horizonDays() + 1);
        if (fetchTo.toEpochDay() - fetchFrom.toEpochDay() >= MAX_RANGE_DAYS) {
            fetchFrom = from;
            fetchTo = to;
        }
        try {
            List<CalendarDayDto> answer = catalog.days(fetchFrom.toString(), fetchTo.toString());
            for (CalendarDayDto dto : answer) {
                LocalDate date = LocalDate.parse(dto.date());
                days.put(date, new Day(date, dto.working(), dto.reason()));
            }
        } catch (CatalogRefusedException e) {
            // the catalog's answer to this request (dates are checked above, so not expected): the caller's 400
            throw ProblemException.badRequest("date", "the office calendar has no data for " + from + " … " + to);
        } catch (RuntimeException e) {
            LOG.warnf("catalog calendar unavailable (%s); using cached days", e.toString());
        }
        result.clear();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Day hit = days.getEvenIfStale(d);
            if (hit == null) {
                throw ProblemException.unavailable("The office calendar cannot be loaded from catalog-service");
            }
            result.put(d, hit);
        }
        return result;
    }

    /**
     * The latest working day on or before {@code date}, as the catalog's working-day arithmetic answers it (the first
     * working day before the next day): this service does no working-day arithmetic of its own. Cached like the days;
     * a stale answer is used while the catalog is down; with none, 503.
     */
    public LocalDate latestWorkingDayOnOrBefore(LocalDate date) {
        try {
            return latestWorking.get(date,
                    d -> LocalDate.parse(catalog.addWorkingDays(d.plusDays(1).toString(), -1).result()));
        } catch (CatalogRefusedException e) {
            throw ProblemException.badRequest("date", "the office calendar has no data for " + date);
        } catch (RuntimeException e) {
            LOG.warnf("catalog working-day arithmetic unavailable (%s) and no answer cached", e.toString());
            throw ProblemException.unavailable("The office calendar cannot be loaded from catalog-service");
        }
    }

    /**
     * Forgets what is cached about {@code date} after a calendar change: the day itself and every working-day answer
     * (any of them may count that day). The next request asks the catalog again.
     */
    public void invalidate(LocalDate date) {
        days.invalidate(date);
        latestWorking.invalidateAll();
    }

    /** Forgets cached calendar data (admin endpoint; tests). */
    public void invalidate() {
        days.invalidateAll();
        latestWorking.invalidateAll();
        office.invalidateAll();
    }

    private static LocalTime time(String value, LocalTime fallback) {
        try {
            return value == null ? fallback : LocalTime.parse(value);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
