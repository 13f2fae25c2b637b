package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.scheduling.config.SchedulingConfig;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.model.AppointmentStatus;
import kz.aifc.expat.scheduling.model.Closure;
import kz.aifc.expat.scheduling.model.CounterOverride;
import kz.aifc.expat.scheduling.model.WeekdayCounters;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Admin changes to office capacity: closures (whole or part of a day), per-date counter overrides and per-weekday
 * counters (precedence: per-date override, then the admin weekday value, then configuration).
 */
@ApplicationScoped
public class CalendarAdminService {

    public record ClosureResult(Closure closure, int cancelledAppointments) {
    }

    /** The counters a weekday has without a per-date override, and where the value comes from. */
    public record WeekdayValue(DayOfWeek weekday, int counters, boolean admin, int configured, String updatedBy,
                               OffsetDateTime updatedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    Appointments appointments;

    @Inject
    SlotPlanner planner;

    @Inject
    SchedulingConfig config;

    @Inject
    Clock clock;

    /** Adds a closure and cancels the active appointments it overlaps (their seats are released, events sent). */
    @Transactional
    public ClosureResult addClosure(Actor actor, LocalDate day, LocalTime from, LocalTime to, String reason) {
        if ((from == null) != (to == null)) {
            throw ProblemException.badRequest("to", "give both startTime and endTime, or neither for a whole day");
        }
        if (from != null && !from.isBefore(to)) {
            throw ProblemException.badRequest("endTime", "must be after startTime");
        }
        Closure c = new Closure();
        c.id = UUID.randomUUID();
        c.day = day;
        c.startTime = from;
        c.endTime = to;
        c.reason = reason;
        c.createdBy = actor.name();
        c.createdAt = OffsetDateTime.now(clock);
        c.persist();
        ZoneId zone = planner.zone();
        OffsetDateTime start = day.atTime(from == null ? LocalTime.MIN : from).atZone(zone).toOffsetDateTime();
        OffsetDateTime end = to == null ? day.plusDays(1).atStartOfDay(zone).toOffsetDateTime()
                : day.atTime(to).atZone(zone).toOffsetDateTime();
        List<Appointment> hit = Appointment.find("startsAt < ?1 and endsAt > ?2 and status in ?3", end, start,
                AppointmentStatus.ACTIVE).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        hit.forEach(a -> appointments.cancel(a, "office closed: " + reason, actor.name()));
        return new ClosureResult(c, hit.size());
    }

    @Transactional
    public void removeClosure(UUID id) {
        if (!Closure.deleteById(id)) {
            throw ProblemException.notFound("Closure", id);
        }
    }

    public List<Closure> closures(LocalDate from, LocalDate to) {
        return Closure.list("day between ?1 and ?2 order by day, startTime", from, to);
    }

    /** Sets the counters open on {@code day}; already materialised slots of that day follow (never below booked). */
    @Transactional
    public CounterOverride setCounters(Actor actor, LocalDate day, int counters) {
        CounterOverride o = CounterOverride.findById(day, LockModeType.PESSIMISTIC_WRITE);
        if (o == null) {
            o = new CounterOverride();
            o.day = day;
        }
        o.counters = counters;
        o.updatedBy = actor.name();
        o.updatedAt = OffsetDateTime.now(clock);
        o.persist();
        resize(day, counters);
        return o;
    }

    @Transactional
    public void clearCounters(LocalDate day) {
        if (!CounterOverride.deleteById(day)) {
            throw ProblemException.notFound("Counter override", day);
        }
        resize(day, planner.weekdayCounters(day.getDayOfWeek()));
    }

    public List<CounterOverride> overrides(LocalDate from, LocalDate to) {
        return CounterOverride.list("day between ?1 and ?2 order by day", from, to);
    }

    /**
     * Sets the counters open on every date of {@code weekday}; materialised slots of such dates from today on follow
     * (never below booked), except dates with their own per-date override.
     */
    @Transactional
    public WeekdayValue setWeekdayCounters(Actor actor, DayOfWeek weekday, int counters) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // an upsert: two admins setting the same weekday at once queue on the row instead of one failing
        em.createNativeQuery("INSERT INTO weekday_counters (weekday, counters, updated_by, updated_at) "
                        + "VALUES (:w, :c, :by, :at) ON CONFLICT (weekday) DO UPDATE "
                        + "SET counters = EXCLUDED.counters, updated_by = EXCLUDED.updated_by, "
                        + "updated_at = EXCLUDED.updated_at")
                .setParameter("w", weekday.name())
                .setParameter("c", counters)
                .setParameter("by", actor.name())
                .setParameter("at", now)
                .executeUpdate();
        resizeWeekday(weekday, counters);
        return new WeekdayValue(weekday, counters, true, config.countersOn(weekday), actor.name(), now);
    }

    /** Back to configuration for {@code weekday}; materialised slots follow as for {@link #setWeekdayCounters}. */
    @Transactional
    public void clearWeekdayCounters(DayOfWeek weekday) {
        if (!WeekdayCounters.deleteById(weekday)) {
            throw ProblemException.notFound("Weekday counters", weekday);
        }
        resizeWeekday(weekday, config.countersOn(weekday));
    }

    /** All seven weekdays, Monday first, with their effective value. */
    public List<WeekdayValue> weekdayCounters() {
        Map<DayOfWeek, WeekdayCounters> rows = new java.util.EnumMap<>(DayOfWeek.class);
        WeekdayCounters.<WeekdayCounters>listAll().forEach(w -> rows.put(w.weekday, w));
        return java.util.Arrays.stream(DayOfWeek.values()).map(d -> {
            WeekdayCounters w = rows.get(d);
            int configured = config.countersOn(d);
            return w == null ? new WeekdayValue(d, configured, false, configured, null, null)
                    : new WeekdayValue(d, w.counters, true, configured, w.updatedBy, w.updatedAt);
        }).toList();
    }

    private void resizeWeekday(DayOfWeek weekday, int counters) {
        ZoneId zone = planner.zone();
        em.createNativeQuery("UPDATE seat_bucket SET capacity = GREATEST(:c, booked) WHERE starts_at >= :from "
                        + "AND EXTRACT(ISODOW FROM starts_at AT TIME ZONE :zone) = :dow "
                        + "AND NOT EXISTS (SELECT 1 FROM counter_override o "
                        + "WHERE o.day = CAST(starts_at AT TIME ZONE :zone AS date))")
                .setParameter("c", counters)
                .setParameter("from", planner.today().atStartOfDay(zone).toOffsetDateTime())
                .setParameter("zone", zone.getId())
                .setParameter("dow", weekday.getValue())
                .executeUpdate();
    }

    private void resize(LocalDate day, int counters) {
        ZoneId zone = planner.zone();
        em.createNativeQuery("UPDATE seat_bucket SET capacity = GREATEST(:c, booked) WHERE starts_at >= :from "
                        + "AND starts_at < :to")
                .setParameter("c", counters)
                .setParameter("from", day.atStartOfDay(zone).toOffsetDateTime())
                .setParameter("to", day.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .executeUpdate();
    }
}
