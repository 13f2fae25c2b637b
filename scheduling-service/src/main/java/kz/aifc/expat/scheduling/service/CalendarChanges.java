package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.model.AppointmentStatus;
import kz.aifc.expat.scheduling.model.CatalogDay;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/**
 * An office calendar change of catalog-service ({@code catalog.calendar-changed}) reaching the booked visits: the
 * day is recorded as the event describes it ({@link CatalogDay}, which wins over the cached calendar on every
 * replica); a day that no longer works has its held and booked visits cancelled, seats freed and
 * {@code appointment.cancelled} published with the reason. A day that works again simply offers slots again.
 */
@ApplicationScoped
public class CalendarChanges {

    private static final Logger LOG = Logger.getLogger(CalendarChanges.class);

    /** The change as this service needs it; {@code changedAt} orders changes of one date. */
    public record Change(LocalDate date, boolean working, String kind, String name, String nameEn,
                         OffsetDateTime changedAt, String changedBy) {
    }

    @Inject
    EntityManager em;

    @Inject
    Appointments appointments;

    @Inject
    Clock clock;

    /**
     * Applies one change in the caller's (the inbox's) transaction; {@code zone} was read before it, so nothing here
     * calls another service. Returns how many visits were cancelled.
     */
    @Transactional
    public int apply(Change change, ZoneId zone) {
        LocalDate date = change.date();
        // exclusive per date: a booking of that day on any replica either committed before (and is cancelled
        // below) or waits and then sees the recorded day (BookingSql.DAY_LOCK)
        em.createNativeQuery(BookingSql.LOCK_DAY).setParameter("day", (int) date.toEpochDay()).getSingleResult();
        OffsetDateTime now = OffsetDateTime.now(clock);
        CatalogDay day = CatalogDay.findById(date, LockModeType.PESSIMISTIC_WRITE);
        if (day != null && day.changedAt.isAfter(change.changedAt())) {
            LOG.infof("ignoring calendar change of %s made at %s: the one made at %s is already applied", date,
                    change.changedAt(), day.changedAt);
            return 0;
        }
        if (day == null) {
            day = new CatalogDay();
            day.day = date;
        }
        day.working = change.working();
        day.kind = change.kind();
        day.name = change.name();
        day.nameEn = change.nameEn();
        day.changedAt = change.changedAt();
        day.changedBy = change.changedBy();
        day.recordedAt = now;
        day.persist();
        if (change.working()) {
            LOG.infof("office calendar: %s is a working day again (%s)", date, change.kind());
            return 0;
        }
        // visits that have not started: one already under way or past is the desk's to settle (check-in, no-show)
        OffsetDateTime from = date.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<Appointment> hit = Appointment.<Appointment>find(
                        "startsAt >= ?1 and startsAt < ?2 and startsAt > ?3 and status in ?4 order by startsAt",
                        from, to, now, EnumSet.of(AppointmentStatus.HELD, AppointmentStatus.BOOKED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        String reason = "the office is closed on " + date + ": " + label(change) + "; please book another day";
        hit.forEach(a -> appointments.cancel(a, reason, Actor.SYSTEM.name()));
        LOG.infof("office calendar: %s is closed (%s), %d visit(s) cancelled", date, change.kind(), hit.size());
        return hit.size();
    }

    private static String label(Change change) {
        if (change.name() != null && !change.name().isBlank()) {
            return change.name();
        }
        if (change.nameEn() != null && !change.nameEn().isBlank()) {
            return change.nameEn();
        }
        return "WEEKEND".equals(change.kind()) ? "weekend" : "non-working day";
    }
}
