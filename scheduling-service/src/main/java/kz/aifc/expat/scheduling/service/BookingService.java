package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.scheduling.config.SchedulingConfig;
import kz.aifc.expat.scheduling.messaging.Events;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.model.AppointmentStatus;
import kz.aifc.expat.scheduling.model.BookableApplication;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a company (or an officer for it) does with a visit: book it (directly, or hold + confirm), reschedule it,
 * cancel it. Seats through {@link SeatLedger}, hold limits through {@link HoldLimits}; the desk's steps are in
 * {@link DeskService}, the reactions to upstream events in {@link BookingGate}.
 */
@ApplicationScoped
public class BookingService {

    @Inject
    EntityManager em;

    @Inject
    SlotPlanner planner;

    @Inject
    SchedulingConfig config;

    @Inject
    SeatLedger seats;

    @Inject
    HoldLimits holds;

    @Inject
    Appointments appointments;

    /** {@code day}: what {@link SlotPlanner#prepare} read from the catalog before this transaction. */
    @Transactional
    public Appointment book(Actor actor, String applicationId, OffsetDateTime start, boolean hold,
                            SlotPlanner.StartDay day) {
        BookableApplication app = BookableApplication.lock(applicationId);
        if (app != null && !actor.canSee(app.companyBin)) {
            throw ProblemException.notFound("Application", applicationId);
        }
        if (app == null || !app.open) {
            throw bookingNotOpen(applicationId, app);
        }
        seats.lockDayShared(SlotPlanner.localDate(start, day));
        SlotPlanner.PlannedSlot slot = planner.bookable(app.serviceCode, start, day);
        if (hold) {
            holds.requireHoldAllowed(app.companyBin, slot);
        }
        seats.takeSeats(slot);
        // the unique index answers "already has an active appointment" (the rollback gives the seats back)
        Appointment appointment = insertAppointment(app, actor, hold, appointments.now(), slot);
        if (appointment == null) {
            Appointment active = Appointment.activeOf(applicationId);
            throw activeExists(active == null ? null : active.id);
        }
        if (!hold) {
            appointments.publish(Events.BOOKED, appointment, null, actor.name());
        }
        return appointment;
    }

    /** A confirmed hold keeps its seats: HELD and BOOKED both count in the buckets. */
    @Transactional
    public Appointment confirm(Actor actor, UUID id) {
        Appointment a = appointments.visible(actor, id);
        Appointments.requireStatus(a, AppointmentStatus.HELD);
        if (!a.holdExpiresAt.isAfter(appointments.now())) {
            throw ProblemException.conflict("hold-expired", "The hold has expired",
                    "The slot was held until " + appointments.local(a.holdExpiresAt) + "; book again");
        }
        a.status = AppointmentStatus.BOOKED;
        a.holdExpiresAt = null;
        a.updatedAt = appointments.now();
        appointments.publish(Events.BOOKED, a, null, actor.name());
        return a;
    }

    /** {@code day}: what {@link SlotPlanner#prepare} read from the catalog before this transaction. */
    @Transactional
    public Appointment reschedule(Actor actor, UUID id, OffsetDateTime newStart, SlotPlanner.StartDay day) {
        Appointment a = appointments.visible(actor, id);
        Appointments.requireStatus(a, AppointmentStatus.BOOKED);
        requireNotice(actor, a, "rescheduled");
        if (a.startsAt.toInstant().equals(newStart.toInstant())) {
            throw ProblemException.ruleViolated("same-slot", "The appointment is already at this time");
        }
        seats.lockDayShared(SlotPlanner.localDate(newStart, day));
        SlotPlanner.PlannedSlot slot = planner.bookable(a.serviceCode, newStart, day);
        String previous = appointments.local(a.startsAt);
        // old seats first: a move by a quarter hour keeps the bucket both intervals share. Against a booking or move
        // the other way PostgreSQL may pick this one as a deadlock loser: 409 concurrent-update (ProblemMappers)
        seats.releaseSeats(a.startsAt, a.endsAt);
        seats.takeSeats(slot);
        a.startsAt = slot.start().toOffsetDateTime();
        a.endsAt = slot.end().toOffsetDateTime();
        // a new time is a new visit for the confirmation rule: asked (or counted as confirmed) afresh; the old
        // link dies with its token id; an officer's exemption stays with the appointment
        a.rescheduledAt = appointments.now();
        a.reminderSentAt = null;
        a.attendanceConfirmedAt = null;
        a.attendanceConfirmedVia = null;
        a.attendanceConfirmedBy = null;
        a.linkTokenId = null;
        a.linkUsedAt = null;
        a.updatedAt = appointments.now();
        appointments.publish(Events.RESCHEDULED, a, "moved from " + previous, actor.name());
        return a;
    }

    @Transactional
    public Appointment cancel(Actor actor, UUID id, String reason) {
        Appointment a = appointments.visible(actor, id);
        if (!a.status.active()) {
            throw Appointments.invalidState(a, "cancelled");
        }
        if (actor.staff()) {
            if (reason == null || reason.isBlank()) {
                throw ProblemException.badRequest("reason", "an officer must give a reason to cancel");
            }
        } else if (a.status != AppointmentStatus.HELD) {
            requireNotice(actor, a, "cancelled");
        }
        appointments.cancel(a, reason == null || reason.isBlank() ? "cancelled by the company" : reason,
                actor.name());
        return a;
    }

    private void requireNotice(Actor actor, Appointment a, String what) {
        if (!actor.staff() && appointments.now().plus(config.minNotice()).isAfter(a.startsAt)) {
            throw ProblemException.ruleViolated("min-notice", "An appointment can be " + what + " only up to "
                    + config.minNotice().toHours() + " hour(s) before it starts; contact the Expat Centre");
        }
    }

    static ProblemException bookingNotOpen(String applicationId, BookableApplication app) {
        String detail = app == null
                ? "Booking is not open yet for application " + applicationId + ": its documents are not approved"
                : "Booking is not open for application " + applicationId + " (" + app.closedReason + ")";
        ProblemException e = ProblemException.conflict("booking-not-open", "Booking is not open", detail);
        if (app != null && app.closedReason != null) {
            e.with("closedReason", app.closedReason);
        }
        return e;
    }

    private static ProblemException activeExists(UUID id) {
        ProblemException e = ProblemException.conflict("active-appointment-exists",
                "The application already has an appointment",
                "One active appointment per application: reschedule or cancel the existing one");
        if (id != null) {
            e.with("appointmentId", id);
        }
        return e;
    }

    /** The new appointment as stored, or null when the application already has an active one. */
    private Appointment insertAppointment(BookableApplication app, Actor actor, boolean hold, OffsetDateTime now,
                                          SlotPlanner.PlannedSlot slot) {
        List<?> inserted = em.createNativeQuery(BookingSql.INSERT_APPOINTMENT, Appointment.class)
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("holdExpiresAt", hold ? now.plus(config.holdDuration()) : null, OffsetDateTime.class)
                .setParameter("id", UUID.randomUUID())
                .setParameter("applicationId", app.applicationId)
                .setParameter("companyBin", app.companyBin)
                .setParameter("serviceCode", app.serviceCode)
                .setParameter("start", slot.start().toOffsetDateTime())
                .setParameter("end", slot.end().toOffsetDateTime())
                .setParameter("status", hold ? AppointmentStatus.HELD.name() : AppointmentStatus.BOOKED.name())
                .setParameter("actor", actor.name())
                .setParameter("now", now)
                .getResultList();
        return inserted.isEmpty() ? null : (Appointment) inserted.get(0);
    }
}
