package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.scheduling.config.SchedulingConfig;
import kz.aifc.expat.scheduling.model.Closure;
import kz.aifc.expat.scheduling.model.CounterOverride;
import kz.aifc.expat.scheduling.model.WeekdayCounters;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which slots exist: working days of the office calendar, opening hours minus lunch, minus admin closures, cut into
 * pieces of the service's slot length, with as many seats as counters are open that day: a per-date override, else
 * the admin-set value of the weekday, else configuration.
 */
@ApplicationScoped
public class SlotPlanner {

    /** A slot as the calendar defines it (its seat usage lives in the {@code slot} table). */
    public record PlannedSlot(int lengthMinutes, ZonedDateTime start, ZonedDateTime end, int capacity) {
    }

    /**
     * What catalog-service says about the day of a requested start, read before the booking's transaction takes any
     * lock (see {@link #prepare}). {@code day} is null when the rules refuse the start without looking at the
     * calendar; {@code unavailable} holds the 503 to answer if the day is needed and the catalog gave nothing.
     */
    public record StartDay(OfficeCalendar.Office office, OfficeCalendar.Day day, ProblemException unavailable) {
    }

    /**
     * Everything of the database that shapes the slots of [from, to] — days changed by catalog.calendar-changed,
     * admin closures, per-date counter overrides, admin-set weekday counters — in one statement: a booking reads it
     * inside its transaction, and each round trip there is time the day's lock is held.
     */
    static final String CALENDAR_ROWS = """
            SELECT 'day' AS row_kind, day, working, coalesce(name, kind) AS label, NULL::time AS start_time,
                   NULL::time AS end_time, NULL::int AS counters
              FROM catalog_day WHERE day BETWEEN :from AND :to
            UNION ALL
            SELECT 'closure', day, NULL, NULL, start_time, end_time, NULL FROM closure WHERE day BETWEEN :from AND :to
            UNION ALL
            SELECT 'override', day, NULL, NULL, NULL, NULL, counters FROM counter_override
             WHERE day BETWEEN :from AND :to
            UNION ALL
            SELECT 'weekday', NULL, NULL, weekday, NULL, NULL, counters FROM weekday_counters
            """;

    @Inject
    EntityManager em;

    @Inject
    OfficeCalendar calendar;

    @Inject
    SchedulingConfig config;

    @Inject
    Clock clock;

    public ZoneId zone() {
        return calendar.office().zone();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    /** Counters open on each weekday without a per-date override: the admin-set value, else configuration. */
    public Map<DayOfWeek, Integer> weekdayCounters() {
        Map<DayOfWeek, Integer> result = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            result.put(d, config.countersOn(d));
        }
        WeekdayCounters.<WeekdayCounters>listAll().forEach(w -> result.put(w.weekday, w.counters));
        return result;
    }

    /** Counters open on {@code weekday} without a per-date override: the admin-set value, else configuration. */
    public int weekdayCounters(DayOfWeek weekday) {
        WeekdayCounters w = WeekdayCounters.findById(weekday);
        return w != null ? w.counters : config.countersOn(weekday);
    }

    /** Counters open on {@code date}: per-date override, else the weekday's value. */
    public int countersOn(LocalDate date) {
        CounterOverride o = CounterOverride.findById(date);
        return o != null ? o.counters : weekdayCounters(date.getDayOfWeek());
    }

    /** Every slot of the calendar in [from, to] (dates), bookable or not. */
    public List<PlannedSlot> plan(String serviceCode, LocalDate from, LocalDate to) {
        return plan(serviceCode, from, to, calendar.office(), calendar.days(from, to));
    }

    /**
     * The same from calendar data read beforehand (no call to catalog-service here). A date changed by
     * {@code catalog.calendar-changed} ({@link kz.aifc.expat.scheduling.model.CatalogDay}) is taken as that event says, whatever the copy.
     */
    private List<PlannedSlot> plan(String serviceCode, LocalDate from, LocalDate to, OfficeCalendar.Office office,
                                   Map<LocalDate, OfficeCalendar.Day> catalogDays) {
        Map<LocalDate, OfficeCalendar.Day> days = new HashMap<>(catalogDays);
        Map<LocalDate, List<Closure>> closures = new HashMap<>();
        Map<LocalDate, Integer> overrides = new HashMap<>();
        Map<DayOfWeek, Integer> weekdays = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekdays.put(d, config.countersOn(d));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CALENDAR_ROWS).setParameter("from", from).setParameter("to", to)
                .getResultList();
        for (Object[] row : rows) {
            switch ((String) row[0]) {
                case "day" -> {
                    LocalDate day = date(row[1]);
                    days.put(day, new OfficeCalendar.Day(day, (Boolean) row[2], (String) row[3]));
                }
                case "closure" -> {
                    Closure c = new Closure(); // transient: only its overlap rule is used
                    c.day = date(row[1]);
                    c.startTime = time(row[4]);
                    c.endTime = time(row[5]);
                    closures.computeIfAbsent(c.day, d -> new ArrayList<>()).add(c);
                }
                case "override" -> overrides.put(date(row[1]), ((Number) row[6]).intValue());
                case "weekday" -> weekdays.put(DayOfWeek.valueOf((String) row[3]), ((Number) row[6]).intValue());
                default -> throw new IllegalStateException("unknown calendar row " + row[0]);
            }
        }
        int length = config.slotMinutesFor(serviceCode);
        List<PlannedSlot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            OfficeCalendar.Day day = days.get(date);
            if (day == null || !day.working()) {
                continue;
            }
            int capacity = overrides.getOrDefault(date, weekdays.get(date.getDayOfWeek()));
            if (capacity <= 0) {
                continue;
            }
            List<Closure> closed = closures.getOrDefault(date, List.of());
            for (LocalTime t = office.opens(); !t.plusMinutes(length).isAfter(office.closes())
                    && t.plusMinutes(length).isAfter(t); t = t.plusMinutes(length)) {
                LocalTime end = t.plusMinutes(length);
                if (overlaps(t, end, office.lunchStart(), office.lunchEnd())) {
                    t = office.lunchEnd().minusMinutes(length); // resume right after lunch
                    continue;
                }
                LocalTime from0 = t;
                if (closed.stream().anyMatch(c -> c.overlaps(from0, end))) {
                    continue;
                }
                slots.add(new PlannedSlot(length, date.atTime(t).atZone(office.zone()),
                        date.atTime(end).atZone(office.zone()), capacity));
            }
        }
        return slots;
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static LocalTime time(Object value) {
        return value == null ? null : value instanceof java.sql.Time t ? t.toLocalTime() : (LocalTime) value;
    }

    /** Whether a slot starting at {@code start} may be booked now (lead time and horizon). */
    public boolean bookableNow(ZonedDateTime start) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return !start.toOffsetDateTime().isBefore(now.plus(config.leadTime()))
                && !start.toLocalDate().isAfter(today().plusDays(config.horizonDays()));
    }

    /**
     * Reads what a booking or reschedule to {@code start} needs from catalog-service, outside any transaction (no
     * remote call while rows are locked). A start the lead time or the horizon refuses is not looked up at all: the
     * catalog is asked only about dates a booking could have.
     */
    public StartDay prepare(OffsetDateTime start) {
        OfficeCalendar.Office office = calendar.office();
        ZonedDateTime local = start.atZoneSameInstant(office.zone());
        if (ruleRefusal(start, local, office.zone()) != null) {
            return new StartDay(office, null, null);
        }
        LocalDate date = local.toLocalDate();
        try {
            return new StartDay(office, calendar.days(date, date).get(date), null);
        } catch (ProblemException e) {
            if (e.status() != 503) {
                throw e;
            }
            // answered only if the day is needed: an application that may not book gets its 404/409 first
            return new StartDay(office, null, e);
        }
    }

    /** The office-local date of {@code start} (as {@link #prepare} read the zone). */
    public static LocalDate localDate(OffsetDateTime start, StartDay day) {
        return start.atZoneSameInstant(day.office().zone()).toLocalDate();
    }

    /**
     * The slot of this service starting exactly at {@code start}, if it can be booked now; else a 422. Lead time and
     * horizon first (they need no calendar), then the day as {@link #prepare} read it and the database has it.
     */
    public PlannedSlot bookable(String serviceCode, OffsetDateTime start, StartDay prepared) {
        ZoneId zone = prepared.office().zone();
        ZonedDateTime local = start.atZoneSameInstant(zone);
        ProblemException refused = ruleRefusal(start, local, zone);
        if (refused != null) {
            throw refused;
        }
        if (prepared.unavailable() != null) {
            throw prepared.unavailable();
        }
        LocalDate date = local.toLocalDate();
        Map<LocalDate, OfficeCalendar.Day> days = prepared.day() == null ? Map.of() : Map.of(date, prepared.day());
        return plan(serviceCode, date, date, prepared.office(), days).stream()
                .filter(s -> s.start().toInstant().equals(start.toInstant()))
                .findFirst()
                .orElseThrow(() -> ProblemException.ruleViolated("no-such-slot", "There is no visit slot of "
                        + config.slotMinutesFor(serviceCode) + " minutes starting at " + local.toOffsetDateTime()
                        + " (closed day, outside opening hours, lunch, closure, or not aligned to the slot grid)"));
    }

    /** The 422 of the lead time or the booking horizon for this start, or null. */
    private ProblemException ruleRefusal(OffsetDateTime start, ZonedDateTime local, ZoneId zone) {
        if (start.isBefore(OffsetDateTime.now(clock).plus(config.leadTime()))) {
            return ProblemException.ruleViolated("lead-time", "A visit must be booked at least "
                    + config.leadTime().toHours() + " hour(s) before it starts");
        }
        if (local.toLocalDate().isAfter(LocalDate.now(clock.withZone(zone)).plusDays(config.horizonDays()))) {
            return ProblemException.ruleViolated("booking-horizon", "Visits can be booked at most "
                    + config.horizonDays() + " days ahead");
        }
        return null;
    }

    private static boolean overlaps(LocalTime from, LocalTime to, LocalTime otherFrom, LocalTime otherTo) {
        return from.isBefore(otherTo) && to.isAfter(otherFrom);
    }
}
