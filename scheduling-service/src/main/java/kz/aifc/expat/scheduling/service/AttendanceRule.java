package kz.aifc.expat.scheduling.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import kz.aifc.expat.scheduling.model.ConfirmationVia;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The centre's confirmation rule (README "Attendance confirmation"). The company is asked to confirm attendance at
 * the reminder moment ({@code scheduling.reminder-lead} before the start, moved back to the latest office-hours moment
 * at or before it); it confirms through the API or the one-click link until the confirm deadline
 * ({@code scheduling.confirm-before} before the start); a visit still unconfirmed then is cancelled. A visit booked
 * after its reminder moment counts as confirmed by the booking. Both jobs are safe with several replicas: rows are
 * locked {@code FOR UPDATE SKIP LOCKED} and re-checked under the lock, and the calendar is read before any lock.
 */
@ApplicationScoped
public class AttendanceRule {

    private static final Logger LOG = Logger.getLogger(AttendanceRule.class);

    /** Rows per job transaction. */
    static final int BATCH = 200;
    /** A run ends after this many full batches; the next run goes on (never loops on rows another replica holds). */
    private static final int MAX_BATCHES_PER_RUN = 10;
    /**
     * How much earlier than start - lead a reminder moment can be: the latest working day before a run of holidays
     * and a weekend (New Year, Nauryz) lies well within two weeks.
     */
    private static final Duration MAX_ADVANCE = Duration.ofDays(14);

    private static final String AWAITING = "status = 'BOOKED' AND attendance_confirmed_at IS NULL "
            + "AND confirmation_exempt_at IS NULL";

    /** Unreminded visits whose reminder moment may have come, earliest first (no lock: the calendar comes next). */
    static final String REMINDER_CANDIDATES = "SELECT id, starts_at FROM appointment WHERE " + AWAITING
            + " AND reminder_sent_at IS NULL AND starts_at > :now AND starts_at <= :horizon ORDER BY starts_at, id "
            + "LIMIT " + BATCH;

    /** The same visits, locked; a row another replica holds is skipped, one it has handled no longer matches. */
    static final String LOCK_FOR_REMINDER = "SELECT id FROM appointment WHERE id IN (:ids) AND " + AWAITING
            + " AND reminder_sent_at IS NULL ORDER BY starts_at FOR UPDATE SKIP LOCKED";

    /** Reminded, still unconfirmed, inside the confirm deadline, not started: to be cancelled. */
    static final String LOCK_FOR_CANCELLATION = "SELECT id FROM appointment WHERE " + AWAITING
            + " AND reminder_sent_at IS NOT NULL AND starts_at > :now AND starts_at <= :deadline "
            + "ORDER BY starts_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED";

    /** What a confirmation-link request did. */
    public record LinkResult(Appointment appointment, boolean alreadyConfirmed) {
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Appointments appointments;

    @Inject
    OfficeCalendar calendar;

    @Inject
    AttendanceLinks links;

    @Inject
    SchedulingConfig config;

    @Inject
    Clock clock;

    // ---------------------------------------------------------------- timing

    /**
     * When the company is asked to confirm a visit starting at {@code start}: start - reminder lead, or, when that
     * falls outside office hours, the latest office-hours moment before it — in the lunch break: lunch start; after
     * closing: closing time; before opening or on a non-working day: closing time of the latest working day before.
     * Office hours and working days are the catalog's (closures of this service close the counters, not the
     * mailbox, and are not looked at). May call catalog-service: never call it while holding row locks.
     */
    public OffsetDateTime reminderMoment(OffsetDateTime start) {
        OfficeCalendar.Office office = calendar.office();
        ZonedDateTime nominal = start.minus(config.reminderLead()).atZoneSameInstant(office.zone());
        LocalDate date = nominal.toLocalDate();
        LocalTime time = nominal.toLocalTime();
        if (time.isBefore(office.opens())) {
            date = date.minusDays(1); // nothing of that day's office hours lies before it
            time = LocalTime.MAX;
        }
        LocalDate working = calendar.latestWorkingDayOnOrBefore(date);
        if (!working.equals(date)) {
            time = LocalTime.MAX;
        }
        LocalTime at;
        if (time.isAfter(office.closes())) {
            at = office.closes();
        } else if (time.isAfter(office.lunchStart()) && time.isBefore(office.lunchEnd())) {
            at = office.lunchStart();
        } else {
            at = time;
        }
        return working.atTime(at).atZone(office.zone()).toOffsetDateTime();
    }

    /** Attendance must be confirmed before this. */
    public OffsetDateTime confirmBy(Appointment a) {
        return a.startsAt.minus(config.confirmBefore());
    }

    // ---------------------------------------------------------------- jobs

    /**
     * For every visit whose reminder moment has come: publishes {@code appointment.reminder-due} with a fresh
     * one-click link, or marks it confirmed when it was booked after that moment ({@code BOOKING}) or when the job
     * reaches it only after the confirm deadline ({@code SYSTEM}: no one was asked, so no one is cancelled).
     * Returns the number of reminders published.
     */
    public int sendDueReminders() {
        int reminded = 0;
        for (int round = 0; round < MAX_BATCHES_PER_RUN; round++) {
            OffsetDateTime now = now();
            ZoneId zone = calendar.office().zone(); // read before any lock (may call the catalog)
            @SuppressWarnings("unchecked")
            List<Object[]> candidates = QuarkusTransaction.requiringNew().call(() -> em
                    .createNativeQuery(REMINDER_CANDIDATES)
                    .setParameter("now", now)
                    .setParameter("horizon", now.plus(config.reminderLead()).plus(MAX_ADVANCE))
                    .getResultList());
            // the reminder moment of each (catalog calls, cached) before anything is locked
            Map<UUID, Planned> due = new LinkedHashMap<>();
            for (Object[] row : candidates) {
                UUID id = (UUID) row[0];
                OffsetDateTime start = toOffset(row[1]);
                boolean pastDeadline = !now.isBefore(start.minus(config.confirmBefore()));
                OffsetDateTime moment = null;
                try {
                    moment = reminderMoment(start);
                } catch (RuntimeException e) {
                    if (!pastDeadline) {
                        LOG.warnf("reminder moment of appointment %s unknown (%s); tried again at the next run",
                                id, e.toString());
                        continue;
                    }
                }
                if (pastDeadline || !moment.isAfter(now)) {
                    due.put(id, new Planned(start, moment));
                }
            }
            if (!due.isEmpty()) {
                reminded += QuarkusTransaction.requiringNew().call(() -> remind(due, zone));
            }
            if (candidates.size() < BATCH || due.size() < candidates.size()) {
                // moments never decrease with the start: past the first visit not yet due, none is
                break;
            }
        }
        return reminded;
    }

    private record Planned(OffsetDateTime start, OffsetDateTime moment) {
    }

    private int remind(Map<UUID, Planned> due, ZoneId zone) {
        @SuppressWarnings("unchecked")
        List<UUID> locked = em.createNativeQuery(LOCK_FOR_REMINDER, UUID.class)
                .setParameter("ids", new ArrayList<>(due.keySet())).getResultList();
        int reminded = 0;
        for (UUID id : locked) {
            Appointment a = Appointment.findById(id);
            Planned plan = due.get(id);
            if (!a.startsAt.isEqual(plan.start())) {
                continue; // rescheduled since the moment was computed: the next run looks again
            }
            OffsetDateTime now = now();
            OffsetDateTime confirmBy = confirmBy(a);
            // without a known moment (catalog down past the deadline) the deadline stands in: it is later
            OffsetDateTime moment = plan.moment() != null ? plan.moment() : confirmBy;
            if (!a.chosenAt().isBefore(moment)) {
                markConfirmed(a, ConfirmationVia.BOOKING, a.chosenAt(), "booked after the reminder moment");
            } else if (!now.isBefore(confirmBy)) {
                markConfirmed(a, ConfirmationVia.SYSTEM, now, "system (no reminder could be sent before "
                        + local(zone, confirmBy) + ")");
            } else {
                a.reminderSentAt = now;
                a.linkTokenId = UUID.randomUUID();
                a.linkUsedAt = null;
                a.updatedAt = now;
                String token = links.token(new AttendanceLinks.Claims(a.id, confirmBy.toInstant(), a.linkTokenId));
                outbox.publish(Events.APPOINTMENT_TOPIC, Events.REMINDER_DUE, a.applicationId, new Events.ReminderDue(
                        a.id.toString(), a.applicationId, a.companyBin, a.serviceCode, local(zone, a.startsAt),
                        local(zone, a.endsAt), null, Actor.SYSTEM.name(), local(zone, now),
                        local(zone, a.startsAt), local(zone, a.endsAt), local(zone, confirmBy),
                        links.url(token)));
                reminded++;
            }
        }
        return reminded;
    }

    /**
     * Cancels every reminded visit still unconfirmed at its confirm deadline, releasing the seat as any cancellation
     * does, and publishes {@code appointment.auto-cancelled} (not {@code appointment.cancelled}) in the same
     * transaction. Returns the number cancelled.
     */
    public int cancelUnconfirmed() {
        ZoneId zone = calendar.office().zone(); // read before any lock (may call the catalog)
        int cancelled = 0;
        for (int round = 0; round < MAX_BATCHES_PER_RUN; round++) {
            int batch = QuarkusTransaction.requiringNew().call(() -> cancelBatch(zone));
            cancelled += batch;
            if (batch < BATCH) {
                break;
            }
        }
        return cancelled;
    }

    private int cancelBatch(ZoneId zone) {
        OffsetDateTime now = now();
        @SuppressWarnings("unchecked")
        List<UUID> locked = em.createNativeQuery(LOCK_FOR_CANCELLATION, UUID.class)
                .setParameter("now", now)
                .setParameter("deadline", now.plus(config.confirmBefore()))
                .getResultList();
        for (UUID id : locked) {
            Appointment a = Appointment.findById(id);
            String confirmBy = local(zone, confirmBy(a));
            String reason = "Attendance was not confirmed by " + confirmBy + " (" + hours(config.confirmBefore())
                    + " before the visit), so the visit was cancelled and its slot released; book again if needed";
            appointments.release(a, reason, Actor.SYSTEM.name());
            outbox.publish(Events.APPOINTMENT_TOPIC, Events.AUTO_CANCELLED, a.applicationId, new Events.AutoCancelled(
                    a.id.toString(), a.applicationId, a.companyBin, a.serviceCode, local(zone, a.startsAt),
                    local(zone, a.endsAt), reason, Actor.SYSTEM.name(), local(zone, now),
                    local(zone, a.startsAt), confirmBy));
        }
        if (!locked.isEmpty()) {
            LOG.infof("cancelled %d unconfirmed appointment(s)", locked.size());
        }
        return locked.size();
    }

    // ---------------------------------------------------------------- confirmation and exemption

    /** The company confirms: idempotent; 409 unless BOOKED, or once the deadline has passed. */
    @Transactional
    public Appointment confirm(Actor actor, UUID id) {
        ZoneId zone = calendar.office().zone(); // before the row lock (may call the catalog)
        Appointment a = appointments.visible(actor, id);
        if (a.status != AppointmentStatus.BOOKED) {
            throw Appointments.invalidState(a, "confirmed for attendance (only a BOOKED appointment can be)");
        }
        if (a.attendanceConfirmedAt != null) {
            return a;
        }
        OffsetDateTime now = now();
        if (!now.isBefore(confirmBy(a))) {
            throw deadlinePassed(a, zone);
        }
        confirmed(a, ConfirmationVia.API, now, actor.name(), zone);
        return a;
    }

    /**
     * The one-click link: a genuine, unexpired token of the appointment's live link, used once. 400 altered, 410
     * expired / already used / superseded by a reschedule, 409 when the appointment is no longer BOOKED. A link
     * used after a confirmation through the API answers 200 and is used up all the same.
     */
    @Transactional
    public LinkResult confirmByLink(String token) {
        AttendanceLinks.Claims claims = links.verify(token);
        ZoneId zone = calendar.office().zone(); // before the row lock (may call the catalog)
        Appointment a = Appointment.lock(claims.appointmentId());
        if (a == null || !claims.tokenId().equals(a.linkTokenId)) {
            throw new ProblemException(410, "link-superseded", "The confirmation link is no longer valid",
                    "The appointment was moved or cancelled since this link was sent; see the latest e-mail");
        }
        if (a.linkUsedAt != null) {
            throw new ProblemException(410, "link-used", "The confirmation link was already used",
                    "This link was used at " + local(zone, a.linkUsedAt) + "; attendance is "
                            + (a.attendanceConfirmedAt != null ? "confirmed" : "not confirmed"))
                    .with("attendanceConfirmed", a.attendanceConfirmedAt != null);
        }
        if (a.status != AppointmentStatus.BOOKED) {
            throw Appointments.invalidState(a, "confirmed for attendance (only a BOOKED appointment can be)");
        }
        OffsetDateTime now = now();
        if (!now.isBefore(confirmBy(a))) {
            throw deadlinePassed(a, zone);
        }
        a.linkUsedAt = now;
        boolean already = a.attendanceConfirmedAt != null;
        if (!already) {
            confirmed(a, ConfirmationVia.LINK, now, "confirmation-link", zone);
        }
        a.updatedAt = now;
        return new LinkResult(a, already);
    }

    /** Officers take an appointment out of the rule (never asked, never cancelled); idempotent, first reason kept. */
    @Transactional
    public Appointment exempt(Actor actor, UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("reason", "an officer must give a reason to exempt an appointment");
        }
        Appointment a = appointments.visible(actor, id);
        if (a.status != AppointmentStatus.BOOKED && a.status != AppointmentStatus.HELD) {
            throw Appointments.invalidState(a, "exempted from the confirmation rule (only HELD or BOOKED)");
        }
        if (a.confirmationExemptAt == null) {
            a.confirmationExemptAt = now();
            a.confirmationExemptBy = actor.name();
            a.confirmationExemptReason = reason.strip();
            a.updatedAt = a.confirmationExemptAt;
        }
        return a;
    }

    // ---------------------------------------------------------------- internals

    private void confirmed(Appointment a, ConfirmationVia via, OffsetDateTime now, String by, ZoneId zone) {
        markConfirmed(a, via, now, by);
        outbox.publish(Events.APPOINTMENT_TOPIC, Events.ATTENDANCE_CONFIRMED, a.applicationId,
                new Events.AttendanceConfirmed(a.id.toString(), a.applicationId, a.companyBin, a.serviceCode,
                        local(zone, a.startsAt), local(zone, a.endsAt), by, local(zone, now),
                        local(zone, a.startsAt), local(zone, now), via.name().toLowerCase(Locale.ROOT)));
    }

    private void markConfirmed(Appointment a, ConfirmationVia via, OffsetDateTime at, String by) {
        a.attendanceConfirmedAt = at;
        a.attendanceConfirmedVia = via;
        a.attendanceConfirmedBy = by;
        a.updatedAt = now();
    }

    private ProblemException deadlinePassed(Appointment a, ZoneId zone) {
        return ProblemException.conflict("confirm-deadline-passed", "Too late to confirm attendance",
                "Attendance could be confirmed until " + local(zone, confirmBy(a)) + " ("
                        + hours(config.confirmBefore()) + " before the visit)")
                .with("confirmBy", local(zone, confirmBy(a)));
    }

    /** ISO-8601 with the office offset, as every time in the API and in events. */
    private static String local(ZoneId zone, OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    /** Microseconds, as PostgreSQL stores them: the API answer and the event carry what a later read shows. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
