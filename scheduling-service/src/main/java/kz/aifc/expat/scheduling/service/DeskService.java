package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.scheduling.messaging.Events;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.model.AppointmentStatus;
import kz.aifc.expat.scheduling.model.BookableApplication;

import java.util.UUID;

/** The officer at the desk: check-in (the counter is given here), no-show, completion (originals received). */
@ApplicationScoped
public class DeskService {

    @Inject
    EntityManager em;

    @Inject
    SlotPlanner planner;

    @Inject
    Appointments appointments;

    @Transactional
    public Appointment checkIn(Actor actor, UUID id) {
        Appointment a = appointments.visible(actor, id);
        Appointments.requireStatus(a, AppointmentStatus.BOOKED);
        if (!a.startsAt.atZoneSameInstant(planner.zone()).toLocalDate().equals(planner.today())) {
            throw ProblemException.ruleViolated("not-today", "Check-in is possible only on the day of the visit ("
                    + appointments.local(a.startsAt) + ")");
        }
        a.counter = counterFor(a);
        a.status = AppointmentStatus.CHECKED_IN;
        a.checkedInAt = appointments.now();
        a.updatedAt = a.checkedInAt;
        appointments.publish(Events.CHECKED_IN, a, null, actor.name());
        return a;
    }

    @Transactional
    public Appointment noShow(Actor actor, UUID id) {
        Appointment a = appointments.visible(actor, id);
        Appointments.requireStatus(a, AppointmentStatus.BOOKED);
        if (appointments.now().isBefore(a.startsAt)) {
            throw ProblemException.ruleViolated("not-started", "A no-show can be marked only after the start ("
                    + appointments.local(a.startsAt) + ")");
        }
        a.status = AppointmentStatus.NO_SHOW; // the application may book again: NO_SHOW is not an active status
        a.updatedAt = appointments.now();
        appointments.publish(Events.NO_SHOW, a, null, actor.name());
        return a;
    }

    @Transactional
    public Appointment complete(Actor actor, UUID id) {
        Appointment a = appointments.visible(actor, id);
        Appointments.requireStatus(a, AppointmentStatus.CHECKED_IN);
        a.status = AppointmentStatus.COMPLETED;
        a.completedAt = appointments.now();
        a.updatedAt = a.completedAt;
        BookableApplication app = BookableApplication.lock(a.applicationId);
        if (app != null) {
            app.open = false;
            app.closedReason = BookableApplication.ORIGINALS_RECEIVED;
            app.updatedAt = a.completedAt;
        }
        appointments.publish(Events.COMPLETED, a, "originals received", actor.name());
        return a;
    }

    /**
     * The counter that calls this visitor: the lowest one no checked-in visit overlapping it uses. Check-ins of a day
     * are counted one at a time (advisory lock), so two officers checking in at once never pick the same counter.
     */
    private int counterFor(Appointment a) {
        em.createNativeQuery(BookingSql.LOCK_CHECK_IN)
                .setParameter("day", (int) a.startsAt.atZoneSameInstant(planner.zone()).toLocalDate().toEpochDay())
                .getSingleResult();
        Number counter = (Number) em.createNativeQuery(BookingSql.FREE_COUNTER)
                .setParameter("start", a.startsAt).setParameter("end", a.endsAt).getSingleResult();
        return counter.intValue();
    }
}
