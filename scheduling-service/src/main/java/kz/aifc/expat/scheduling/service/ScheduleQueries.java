package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.scheduling.config.SchedulingConfig;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.model.AppointmentStatus;
import kz.aifc.expat.scheduling.model.BookableApplication;
import kz.aifc.expat.scheduling.model.Slot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Read side: free slots with remaining seats, appointments visible to the caller, officer day view. */
@ApplicationScoped
public class ScheduleQueries {

    public record SlotAvailability(SlotPlanner.PlannedSlot slot, int capacity, int remaining) {
    }

    @Inject
    EntityManager em;

    @Inject
    SlotPlanner planner;

    @Inject
    SchedulingConfig config;

    /**
     * Bookable slots (lead time and horizon applied) of the service in [from, to] with their remaining seats: the
     * counters free over the slot's whole interval (an appointment of any length overlapping it holds its counter),
     * never more than the slot row's own seats left.
     */
    public List<SlotAvailability> freeSlots(String serviceCode, LocalDate from, LocalDate to) {
        LocalDate today = planner.today();
        LocalDate first = from.isBefore(today) ? today : from;
        LocalDate last = to.isAfter(today.plusDays(config.horizonDays())) ? today.plusDays(config.horizonDays()) : to;
        if (first.isAfter(last)) {
            return List.of();
        }
        List<SlotPlanner.PlannedSlot> planned = planner.plan(serviceCode, first, last);
        ZoneId zone = planner.zone();
        OffsetDateTime rangeStart = first.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime rangeEnd = last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Map<Instant, Slot> rows = new HashMap<>();
        Slot.<Slot>list("lengthMinutes = ?1 and startsAt >= ?2 and startsAt < ?3", config.slotMinutesFor(serviceCode),
                        rangeStart, rangeEnd)
                .forEach(s -> rows.put(s.startsAt.toInstant(), s));
        // visits never span midnight: the active ones of a day are all that can overlap its slots
        Map<LocalDate, List<Object[]>> busy = new HashMap<>();
        em.createQuery("select a.startsAt, a.endsAt, a.counter from Appointment a where a.status in ?1 "
                        + "and a.startsAt >= ?2 and a.startsAt < ?3 and a.counter is not null", Object[].class)
                .setParameter(1, AppointmentStatus.ACTIVE).setParameter(2, rangeStart).setParameter(3, rangeEnd)
                .getResultList()
                .forEach(a -> busy.computeIfAbsent(((OffsetDateTime) a[0]).atZoneSameInstant(zone).toLocalDate(),
                        d -> new ArrayList<>()).add(a));
        return planned.stream()
                .filter(s -> planner.bookableNow(s.start()))
                .map(s -> {
                    Slot row = rows.get(s.start().toInstant());
                    int capacity = row == null ? s.capacity() : row.capacity;
                    int remaining = freeCounters(busy.getOrDefault(s.start().toLocalDate(), List.of()), s,
                            capacity);
                    if (row != null) {
                        remaining = Math.min(remaining, row.capacity - row.booked);
                    }
                    return new SlotAvailability(s, capacity, Math.max(0, remaining));
                })
                .toList();
    }

    /** Counters 1..capacity (as {@code BookingSql.FREE_COUNTER} picks them) not busy at any moment of the slot. */
    private static int freeCounters(List<Object[]> busy, SlotPlanner.PlannedSlot slot, int capacity) {
        Instant start = slot.start().toInstant();
        Instant end = slot.end().toInstant();
        Set<Integer> taken = new HashSet<>();
        for (Object[] a : busy) {
            int counter = (Integer) a[2];
            if (((OffsetDateTime) a[0]).toInstant().isBefore(end) && ((OffsetDateTime) a[1]).toInstant().isAfter(start)
                    && counter <= capacity) {
                taken.add(counter);
            }
        }
        return capacity - taken.size();
    }

    public Appointment appointment(Actor actor, UUID id) {
        Appointment a = Appointment.findById(id);
        if (a == null || !actor.canSee(a.companyBin)) {
            throw ProblemException.notFound("Appointment", id);
        }
        return a;
    }

    public List<Appointment> appointments(Actor actor, String applicationId, AppointmentStatus status) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!actor.staff()) {
            q.append(" and companyBin = :bin");
            params.put("bin", actor.companyBin());
        }
        if (applicationId != null && !applicationId.isBlank()) {
            q.append(" and applicationId = :app");
            params.put("app", applicationId);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        return Appointment.<Appointment>find(q + " order by startsAt desc", params).page(0, 200).list();
    }

    public BookableApplication bookable(Actor actor, String applicationId) {
        BookableApplication app = BookableApplication.findById(applicationId);
        if (app == null || !actor.canSee(app.companyBin)) {
            throw ProblemException.notFound("Application", applicationId);
        }
        return app;
    }

    /** Appointments of a day that officers deal with (booked, arrived, done, no-show), ordered by start. */
    public List<Appointment> day(LocalDate date) {
        ZoneId zone = planner.zone();
        return Appointment.list("startsAt >= ?1 and startsAt < ?2 and status in ?3 order by startsAt, counter",
                date.atStartOfDay(zone).toOffsetDateTime(), date.plusDays(1).atStartOfDay(zone).toOffsetDateTime(),
                EnumSet.of(AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED,
                        AppointmentStatus.NO_SHOW));
    }

    public int countersOn(LocalDate date) {
        return planner.countersOn(date);
    }
}
