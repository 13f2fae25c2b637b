package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The office calendar from catalog-service, cached in memory. A fresh copy is reused for the configured TTL; when the
 * catalog cannot be reached a stale copy is used; only when nothing is known for a date does a request fail (503).
 * Office hours fall back to configuration.
 */
@ApplicationScoped
public class OfficeCalendar {

    private static final Logger LOG = Logger.getLogger(OfficeCalendar.class);
    /** The catalog answers at most 400 days per request. */
    private static final int MAX_RANGE_DAYS = 400;
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

    private record CachedDay(Day day, long fetchedAt) {
    }

    @Inject
    @RestClient
    CatalogCalendarClient catalog;

    @Inject
    SchedulingConfig config;

    @Inject
    Clock clock;

    private record CachedDate(LocalDate result, long fetchedAt) {
    }

    private final Map<LocalDate, CachedDay> days = new ConcurrentHashMap<>();
    private final Map<LocalDate, CachedDate> latestWorking = new ConcurrentHashMap<>();
    private volatile Office office;
    private volatile long officeFetchedAt;

    public Office office() {
        Office cached = office;
        if (cached != null && fresh(officeFetchedAt)) {
            return cached;
        }
        try {
            OfficeDto dto = catalog.office();
            SchedulingConfig.Office fallback = config.office();
            Office loaded = new Office(
                    dto.timeZone() == null ? config.zone() : ZoneId.of(dto.timeZone()),
                    time(dto.opens(), fallback.opens()), time(dto.closes(), fallback.closes()),
                    time(dto.lunchStart(), fallback.lunchStart()), time(dto.lunchEnd(), fallback.lunchEnd()),
                    dto.address() == null || dto.address().isBlank() ? fallback.address() : dto.address(),
                    dto.email() != null ? dto.email() : fallback.email().orElse(null));
            office = loaded;
            officeFetchedAt = System.nanoTime();
            return loaded;
        } catch (RuntimeException e) {
            LOG.warnf("catalog office unavailable (%s); using %s", e.toString(),
                    cached != null ? "the cached copy" : "configured office hours");
            if (cached != null) {
                return cached;
            }
            SchedulingConfig.Office c = config.office();
            return new Office(config.zone(), c.opens(), c.closes(), c.lunchStart(), c.lunchEnd(), c.address(),
                    c.email().orElse(null));
        }
    }

    /** Working-day information for every date in [from, to]. */
    public Map<LocalDate, Day> days(LocalDate from, LocalDate to) {
        requireSupported("from", from);
        requireSupported("to", to);
        Map<LocalDate, Day> result = new HashMap<>();
        boolean complete = true;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            CachedDay hit = days.get(d);
            if (hit == null || !fresh(hit.fetchedAt())) {
                complete = false;
                break;
            }
            result.put(d, hit.day());
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
            long now = System.nanoTime();
            for (CalendarDayDto dto : answer) {
                LocalDate date = LocalDate.parse(dto.date());
                days.put(date, new CachedDay(new Day(date, dto.working(), dto.reason()), now));
            }
        } catch (CatalogRefusedException e) {
            // the catalog's answer to this request (dates are checked above, so not expected): the caller's 400
            throw ProblemException.badRequest("date", "the office calendar has no data for " + from + " … " + to);
        } catch (RuntimeException e) {
            LOG.warnf("catalog calendar unavailable (%s); using cached days", e.toString());
        }
        result.clear();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            CachedDay hit = days.get(d);
            if (hit == null) {
                throw ProblemException.unavailable("The office calendar cannot be loaded from catalog-service");
            }
            result.put(d, hit.day());
        }
        return result;
    }

    /**
     * The latest working day on or before {@code date}, as the catalog's working-day arithmetic answers it (the first
     * working day before the next day): this service does no working-day arithmetic of its own. Cached like the days;
     * a stale answer is used while the catalog is down; with none, 503.
     */
    public LocalDate latestWorkingDayOnOrBefore(LocalDate date) {
        CachedDate hit = latestWorking.get(date);
        if (hit != null && fresh(hit.fetchedAt())) {
            return hit.result();
        }
        try {
            LocalDate result = LocalDate.parse(catalog.addWorkingDays(date.plusDays(1).toString(), -1).result());
            latestWorking.put(date, new CachedDate(result, System.nanoTime()));
            return result;
        } catch (CatalogRefusedException e) {
            throw ProblemException.badRequest("date", "the office calendar has no data for " + date);
        } catch (RuntimeException e) {
            if (hit != null) {
                LOG.warnf("catalog working-day arithmetic unavailable (%s); using the cached answer", e.toString());
                return hit.result();
            }
            throw ProblemException.unavailable("The office calendar cannot be loaded from catalog-service");
        }
    }

    /**
     * Forgets what is cached about {@code date} after a calendar change: the day itself and every working-day answer
     * (any of them may count that day). The next request asks the catalog again.
     */
    public void invalidate(LocalDate date) {
        days.remove(date);
        latestWorking.clear();
    }

    /** Forgets cached calendar data (admin endpoint; tests). */
    public void invalidate() {
        days.clear();
        latestWorking.clear();
        office = null;
    }

    private boolean fresh(long fetchedAt) {
        return System.nanoTime() - fetchedAt < config.calendarCacheTtl().toNanos();
    }

    private static LocalTime time(String value, LocalTime fallback) {
        try {
            return value == null ? fallback : LocalTime.parse(value);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
