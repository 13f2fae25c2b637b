package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.scheduling.messaging.Events;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.model.AppointmentStatus;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * What every change of an appointment shares: reading it row-locked and tenant-checked, the state guards, the one
 * way to cancel (its seats given back), and the appointment.* event, written to the outbox in the caller's
 * transaction. Used by booking, the desk, the booking gate, the attendance rule and calendar changes.
 */
@ApplicationScoped
public class Appointments {

    @Inject
    Outbox outbox;

    @Inject
    SlotPlanner planner;

    @Inject
    SeatLedger seats;

    @Inject
    Clock clock;

    /** The appointment, row-locked; 404 when it does not exist or belongs to another company. */
    Appointment visible(Actor actor, UUID id) {
        Appointment a = Appointment.lock(id);
        if (a == null || !actor.canSee(a.companyBin)) {
            throw ProblemException.notFound("Appointment", id);
        }
        return a;
    }

    static void requireStatus(Appointment a, AppointmentStatus expected) {
        if (a.status != expected) {
            throw invalidState(a, "changed this way (expected " + expected + ")");
        }
    }

    static ProblemException invalidState(Appointment a, String what) {
        return ProblemException.conflict("invalid-state", "Not possible in the current state",
                "An appointment in state " + a.status + " cannot be " + what).with("currentState", a.status);
    }

    /** Cancels an active appointment, releasing its seat; publishes only if it had been booked (not a mere hold). */
    void cancel(Appointment a, String reason, String actorName) {
        AppointmentStatus was = release(a, reason, actorName);
        if (was != AppointmentStatus.HELD) {
            publish(Events.CANCELLED, a, reason, actorName);
        }
    }

    /**
     * Cancels an active appointment and releases its seat without publishing: every cancellation goes through here,
     * the caller publishes the event that fits. Returns the status it had.
     */
    AppointmentStatus release(Appointment a, String reason, String actorName) {
        AppointmentStatus was = a.status;
        OffsetDateTime now = now();
        if (was == AppointmentStatus.HELD) {
            a.holdReleasedAt = now; // a hold let go: the company's cool-down for this seat starts
        }
        a.status = AppointmentStatus.CANCELLED;
        a.cancelledAt = now;
        a.cancelReason = reason;
        a.cancelledBy = actorName;
        a.holdExpiresAt = null;
        a.updatedAt = now;
        seats.releaseSeats(a.startsAt, a.endsAt);
        return was;
    }

    void publish(String type, Appointment a, String reason, String actor) {
        outbox.publish(Events.APPOINTMENT_TOPIC, type, a.applicationId, new Events.AppointmentEvent(
                a.id.toString(), a.applicationId, a.companyBin, a.serviceCode, local(a.startsAt), local(a.endsAt),
                reason, actor, local(now())));
    }

    String local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(planner.zone()).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
