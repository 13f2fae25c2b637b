package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.scheduling.config.SchedulingConfig;
import kz.aifc.expat.scheduling.messaging.Events;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.model.AppointmentStatus;
import kz.aifc.expat.scheduling.model.BookableApplication;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Appointments: book (directly or hold + confirm), reschedule, cancel, officer check-in / no-show / completion, and
 * the reactions to upstream events. Seats are taken and released only through {@link BookingSql}.
 */
@ApplicationScoped
public class BookingService {

    private static final Logger LOG = Logger.getLogger(BookingService.class);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    SlotPlanner planner;

    @Inject
    SchedulingConfig config;

    @Inject
    Clock clock;

    // ---------------------------------------------------------------- booking

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
        lockDayShared(SlotPlanner.localDate(start, day));
        SlotPlanner.PlannedSlot slot = planner.bookable(app.serviceCode, start, day);
        if (hold) {
            requireHoldAllowed(app.companyBin, slot);
        }
        takeSeats(slot);
        // the unique index answers "already has an active appointment" (the rollback gives the seats back)
        Appointment appointment = insertAppointment(app, actor, hold, now(), slot);
        if (appointment == null) {
            Appointment active = Appointment.activeOf(applicationId);
            throw activeExists(active == null ? null : active.id);
        }
        if (!hold) {
            publish(Events.BOOKED, appointment, null, actor.name());
        }
        return appointment;
    }

    /** A confirmed hold keeps its seats: HELD and BOOKED both count in the buckets. */
    @Transactional
    public Appointment confirm(Actor actor, UUID id) {
        Appointment a = visible(actor, id);
        requireStatus(a, AppointmentStatus.HELD);
        if (!a.holdExpiresAt.isAfter(now())) {
            throw ProblemException.conflict("hold-expired", "The hold has expired",
                    "The slot was held until " + local(a.holdExpiresAt) + "; book again");
        }
        a.status = AppointmentStatus.BOOKED;
        a.holdExpiresAt = null;
        a.updatedAt = now();
        publish(Events.BOOKED, a, null, actor.name());
        return a;
    }

    /** {@code day}: what {@link SlotPlanner#prepare} read from the catalog before this transaction. */
    @Transactional
    public Appointment reschedule(Actor actor, UUID id, OffsetDateTime newStart, SlotPlanner.StartDay day) {
        Appointment a = visible(actor, id);
        requireStatus(a, AppointmentStatus.BOOKED);
        requireNotice(actor, a, "rescheduled");
        if (a.startsAt.toInstant().equals(newStart.toInstant())) {
            throw ProblemException.ruleViolated("same-slot", "The appointment is already at this time");
        }
        lockDayShared(SlotPlanner.localDate(newStart, day));
        SlotPlanner.PlannedSlot slot = planner.bookable(a.serviceCode, newStart, day);
        String previous = local(a.startsAt);
        // old seats first: a move by a quarter hour keeps the bucket both intervals share. Against a booking or move
        // the other way PostgreSQL may pick this one as a deadlock loser: 409 concurrent-update (ProblemMappers)
        releaseSeats(a.startsAt, a.endsAt);
        takeSeats(slot);
        a.startsAt = slot.start().toOffsetDateTime();
        a.endsAt = slot.end().toOffsetDateTime();
        // a new time is a new visit for the confirmation rule: asked (or counted as confirmed) afresh; the old
        // link dies with its token id; an officer's exemption stays with the appointment
        a.rescheduledAt = now();
        a.reminderSentAt = null;
        a.attendanceConfirmedAt = null;
        a.attendanceConfirmedVia = null;
        a.attendanceConfirmedBy = null;
        a.linkTokenId = null;
        a.linkUsedAt = null;
        a.updatedAt = now();
        publish(Events.RESCHEDULED, a, "moved from " + previous, actor.name());
        return a;
    }

    @Transactional
    public Appointment cancel(Actor actor, UUID id, String reason) {
        Appointment a = visible(actor, id);
        if (!a.status.active()) {
            throw invalidState(a, "cancelled");
        }
        if (actor.staff()) {
            if (reason == null || reason.isBlank()) {
                throw ProblemException.badRequest("reason", "an officer must give a reason to cancel");
            }
        } else if (a.status != AppointmentStatus.HELD) {
            requireNotice(actor, a, "cancelled");
        }
        cancelAppointment(a, reason == null || reason.isBlank() ? "cancelled by the company" : reason,
                actor.name());
        return a;
    }

    // ---------------------------------------------------------------- officers

    @Transactional
    public Appointment checkIn(Actor actor, UUID id) {
        Appointment a = visible(actor, id);
        requireStatus(a, AppointmentStatus.BOOKED);
        if (!a.startsAt.atZoneSameInstant(planner.zone()).toLocalDate().equals(planner.today())) {
            throw ProblemException.ruleViolated("not-today", "Check-in is possible only on the day of the visit ("
                    + local(a.startsAt) + ")");
        }
        a.counter = counterFor(a);
        a.status = AppointmentStatus.CHECKED_IN;
        a.checkedInAt = now();
        a.updatedAt = a.checkedInAt;
        publish(Events.CHECKED_IN, a, null, actor.name());
        return a;
    }

    @Transactional
    public Appointment noShow(Actor actor, UUID id) {
        Appointment a = visible(actor, id);
        requireStatus(a, AppointmentStatus.BOOKED);
        if (now().isBefore(a.startsAt)) {
            throw ProblemException.ruleViolated("not-started", "A no-show can be marked only after the start ("
                    + local(a.startsAt) + ")");
        }
        a.status = AppointmentStatus.NO_SHOW; // the application may book again: NO_SHOW is not an active status
        a.updatedAt = now();
        publish(Events.NO_SHOW, a, null, actor.name());
        return a;
    }

    @Transactional
    public Appointment complete(Actor actor, UUID id) {
        Appointment a = visible(actor, id);
        requireStatus(a, AppointmentStatus.CHECKED_IN);
        a.status = AppointmentStatus.COMPLETED;
        a.completedAt = now();
        a.updatedAt = a.completedAt;
        BookableApplication app = BookableApplication.lock(a.applicationId);
        if (app != null) {
            app.open = false;
            app.closedReason = BookableApplication.ORIGINALS_RECEIVED;
            app.updatedAt = a.completedAt;
        }
        publish(Events.COMPLETED, a, "originals received", actor.name());
        return a;
    }

    // ---------------------------------------------------------------- upstream events

    @Transactional
    public void openBooking(Events.DocumentsApproved event) {
        int round = event.round() == null ? 0 : event.round();
        BookableApplication app = BookableApplication.lock(event.applicationId());
        OffsetDateTime now = now();
        if (app == null) {
            app = new BookableApplication();
            app.applicationId = event.applicationId();
            app.companyBin = event.companyBin();
            app.serviceCode = event.serviceCode();
            app.round = round;
            app.open = event.visitNeeded();
            // corrected documents after the visit: remembered closed, so the case's record here says why
            app.closedReason = event.visitNeeded() ? null : BookableApplication.ORIGINALS_RECEIVED;
            app.approvedAt = now;
            app.updatedAt = now;
            app.persist();
            return;
        }
        if (!app.companyBin.equals(event.companyBin())) {
            LOG.warnf("ignoring documents.approved for %s: company %s does not match %s", app.applicationId,
                    event.companyBin(), app.companyBin);
            return;
        }
        if (app.closedForGood() || (!app.open && round <= app.round)) {
            LOG.infof("ignoring stale documents.approved (round %d) for %s closed as %s (round %d)", round,
                    app.applicationId, app.closedReason, app.round);
            return;
        }
        if (!event.visitNeeded()) {
            // the originals are already at the office: never open booking for corrected documents. An open record
            // (and any active visit) is left alone: cancelling it would send the case back a step.
            app.round = Math.max(app.round, round);
            if (!app.open) {
                app.closedReason = BookableApplication.ORIGINALS_RECEIVED;
            } else {
                LOG.infof("documents.approved (round %d) for %s needs no visit, but booking is open: left open",
                        round, app.applicationId);
            }
            app.approvedAt = now;
            app.updatedAt = now;
            return;
        }
        app.open = true;
        app.closedReason = null;
        app.round = Math.max(app.round, round);
        if (event.serviceCode() != null) {
            app.serviceCode = event.serviceCode();
        }
        app.approvedAt = now;
        app.updatedAt = now;
    }

    /** Closes booking and cancels the active appointment (its seat is released). */
    @Transactional
    public void closeBooking(String applicationId, String companyBin, String reason, Integer round, String why) {
        BookableApplication app = BookableApplication.lock(applicationId);
        OffsetDateTime now = now();
        if (app == null) {
            // remember it, so that an older documents.approved arriving late does not open booking
            app = new BookableApplication();
            app.applicationId = applicationId;
            app.companyBin = companyBin;
            app.round = round == null ? 0 : round;
            app.open = false;
            app.closedReason = reason;
            app.updatedAt = now;
            app.persist();
            return;
        }
        if (!app.companyBin.equals(companyBin)) {
            LOG.warnf("ignoring %s for %s: company %s does not match %s", reason, applicationId, companyBin,
                    app.companyBin);
            return;
        }
        if (round != null && app.open && app.round > round) {
            LOG.infof("ignoring stale %s (round %d) for %s approved in round %d", reason, round, applicationId,
                    app.round);
            return;
        }
        if (!app.closedForGood()) {
            app.open = false;
            app.closedReason = reason;
        }
        if (round != null) {
            app.round = Math.max(app.round, round);
        }
        app.updatedAt = now;
        Appointment active = Appointment.find("applicationId = ?1 and status in ?2", applicationId,
                AppointmentStatus.ACTIVE).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (active != null) {
            cancelAppointment(active, why, Actor.SYSTEM.name());
        }
    }

    // ---------------------------------------------------------------- scheduled jobs

    /** Expires overdue holds and gives their seats back; returns how many holds expired. */
    @Transactional
    public int expireHolds() {
        Number released = (Number) em.createNativeQuery(BookingSql.EXPIRE_HOLDS)
                .setParameter("now", now()).getSingleResult();
        return released.intValue();
    }

    // ---------------------------------------------------------------- internals

    /** Cancels an active appointment, releasing its seat; publishes only if it had been booked (not a mere hold). */
    void cancelAppointment(Appointment a, String reason, String actorName) {
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
        releaseSeats(a.startsAt, a.endsAt);
        return was;
    }

    /** Waits while a calendar change of {@code date} is being applied (see {@link BookingSql#DAY_LOCK}). */
    void lockDayShared(java.time.LocalDate date) {
        em.createNativeQuery(BookingSql.LOCK_DAY_SHARED).setParameter("day", (int) date.toEpochDay())
                .getSingleResult();
    }

    /**
     * Security finding #14.14: a company may hold at most {@code scheduling.max-holds-per-company} seats at once, and
     * may not hold again a seat (any slot overlapping it) whose hold it let go less than
     * {@code scheduling.hold-cooldown} ago; both 429 with Retry-After. The company's advisory lock makes concurrent
     * holds of one company, on any replica, count one after the other.
     */
    private void requireHoldAllowed(String companyBin, SlotPlanner.PlannedSlot slot) {
        em.createNativeQuery(BookingSql.LOCK_COMPANY_HOLDS).setParameter("bin", companyBin).getSingleResult();
        OffsetDateTime now = now();
        List<OffsetDateTime> live = em.createQuery("select a.holdExpiresAt from Appointment a where a.companyBin = "
                        + ":bin and a.status = :held and a.holdExpiresAt > :now order by a.holdExpiresAt",
                        OffsetDateTime.class)
                .setParameter("bin", companyBin).setParameter("held", AppointmentStatus.HELD)
                .setParameter("now", now).getResultList();
        int cap = config.maxHoldsPerCompany();
        if (live.size() >= cap) {
            throw new ProblemException(429, "too-many-holds", "Too many held slots",
                    "A company may hold at most " + cap + " slot(s) at once; confirm or cancel a hold, or book "
                            + "directly")
                    .with("limit", cap).with("activeHolds", live.size())
                    .header("Retry-After", seconds(now, live.get(live.size() - cap)));
        }
        OffsetDateTime since = now.minus(config.holdCooldown());
        OffsetDateTime released = em.createQuery("select max(coalesce(a.holdReleasedAt, a.holdExpiresAt)) "
                        + "from Appointment a where a.companyBin = :bin and a.startsAt < :end and a.endsAt > :start "
                        + "and (a.holdReleasedAt > :since or (a.status = :held and a.holdExpiresAt <= :now "
                        + "and a.holdExpiresAt > :since))", OffsetDateTime.class)
                .setParameter("bin", companyBin).setParameter("start", slot.start().toOffsetDateTime())
                .setParameter("end", slot.end().toOffsetDateTime()).setParameter("since", since)
                .setParameter("held", AppointmentStatus.HELD).setParameter("now", now).getSingleResult();
        if (released != null) {
            OffsetDateTime again = released.plus(config.holdCooldown());
            throw new ProblemException(429, "hold-cooldown", "Hold this slot again later",
                    "This company let a hold of this time go at " + local(released) + "; it may hold it again from "
                            + local(again) + " (or book it directly now)")
                    .with("retryAt", local(again)).header("Retry-After", seconds(now, again));
        }
    }

    /** Whole seconds from {@code now} until {@code then}, at least 1 (a Retry-After value). */
    private static String seconds(OffsetDateTime now, OffsetDateTime then) {
        long millis = java.time.Duration.between(now, then).toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }

    /**
     * Takes a seat in every bucket of the slot, or 409 slot-full (the caller's rollback gives back any taken). One
     * statement when the buckets exist; a bucket never booked before is materialised first.
     */
    void takeSeats(SlotPlanner.PlannedSlot slot) {
        OffsetDateTime start = slot.start().toOffsetDateTime();
        OffsetDateTime end = slot.end().toOffsetDateTime();
        Set<Long> taken = new HashSet<>();
        for (Object epoch : em.createNativeQuery(BookingSql.TAKE_SEATS)
                .setParameter("start", start).setParameter("end", end).getResultList()) {
            taken.add(((Number) epoch).longValue());
        }
        List<Long> rest = BookingSql.bucketStarts(start, end).stream().filter(b -> !taken.contains(b)).toList();
        if (rest.isEmpty()) {
            return;
        }
        em.createNativeQuery(BookingSql.ENSURE_BUCKETS)
                .setParameter("start", start).setParameter("end", end).setParameter("capacity", slot.capacity())
                .executeUpdate();
        for (long epoch : rest) {
            if (em.createNativeQuery(BookingSql.TAKE_SEAT_AT).setParameter("epoch", epoch).executeUpdate() != 1) {
                throw slotFull(slot);
            }
        }
    }

    private static ProblemException slotFull(SlotPlanner.PlannedSlot slot) {
        return ProblemException.conflict("slot-full", "The slot is fully booked",
                "No seat is left at " + slot.start().toOffsetDateTime() + "; choose another slot");
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

    void releaseSeats(OffsetDateTime start, OffsetDateTime end) {
        em.createNativeQuery(BookingSql.RELEASE_SEATS).setParameter("start", start).setParameter("end", end)
                .executeUpdate();
    }

    Appointment visible(Actor actor, UUID id) {
        Appointment a = Appointment.lock(id);
        if (a == null || !actor.canSee(a.companyBin)) {
            throw ProblemException.notFound("Appointment", id);
        }
        return a;
    }

    private void requireNotice(Actor actor, Appointment a, String what) {
        if (!actor.staff() && now().plus(config.minNotice()).isAfter(a.startsAt)) {
            throw ProblemException.ruleViolated("min-notice", "An appointment can be " + what + " only up to "
                    + config.minNotice().toHours() + " hour(s) before it starts; contact the Expat Centre");
        }
    }

    private static void requireStatus(Appointment a, AppointmentStatus expected) {
        if (a.status != expected) {
            throw invalidState(a, "changed this way (expected " + expected + ")");
        }
    }

    static ProblemException invalidState(Appointment a, String what) {
        return ProblemException.conflict("invalid-state", "Not possible in the current state",
                "An appointment in state " + a.status + " cannot be " + what).with("currentState", a.status);
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

    private void publish(String type, Appointment a, String reason, String actor) {
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
