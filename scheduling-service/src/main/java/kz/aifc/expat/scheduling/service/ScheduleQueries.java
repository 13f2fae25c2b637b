package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.scheduling.config.SchedulingConfig;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.model.AppointmentStatus;
import kz.aifc.expat.scheduling.model.BookableApplication;
import kz.aifc.expat.scheduling.model.SeatBucket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Read side: free slots with remaining seats, appointments visible to the caller, officer day view. */
@ApplicationScoped
public class ScheduleQueries {

    public record SlotAvailability(SlotPlanner.PlannedSlot slot, int capacity, int remaining) {
    }

    @Inject
    SlotPlanner planner;

    @Inject
    SchedulingConfig config;

    /**
     * Bookable slots (lead time and horizon applied) of the service in [from, to] with their remaining seats: the
     * fewest seats left in any bucket of the slot (a bucket not yet materialised has the day's counters).
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
        Map<Instant, SeatBucket> buckets = new HashMap<>();
        SeatBucket.<SeatBucket>list("startsAt >= ?1 and startsAt < ?2", first.atStartOfDay(zone).toOffsetDateTime(),
                        last.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .forEach(b -> buckets.put(b.startsAt.toInstant(), b));
        return planned.stream()
                .filter(s -> planner.bookableNow(s.start()))
                .map(s -> availability(s, buckets))
                .toList();
    }

    /** The slot's seats: the smallest capacity and the fewest left over its buckets, as {@code TAKE_SEATS} sees them. */
    private static SlotAvailability availability(SlotPlanner.PlannedSlot slot, Map<Instant, SeatBucket> buckets) {
        int capacity = Integer.MAX_VALUE;
        int remaining = Integer.MAX_VALUE;
        for (long epoch : BookingSql.bucketStarts(slot.start().toOffsetDateTime(), slot.end().toOffsetDateTime())) {
            SeatBucket b = buckets.get(Instant.ofEpochSecond(epoch));
            capacity = Math.min(capacity, b == null ? slot.capacity() : b.capacity);
            remaining = Math.min(remaining, b == null ? slot.capacity() : b.capacity - b.booked);
        }
        return new SlotAvailability(slot, capacity, Math.max(0, remaining));
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
