package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.scheduling.config.SchedulingConfig;
import kz.aifc.expat.scheduling.model.AppointmentStatus;

import java.time.OffsetDateTime;
import java.util.List;

/** How many seats a company may hold at once, and when it may hold a seat again (security finding #14.14). */
@ApplicationScoped
public class HoldLimits {

    @Inject
    EntityManager em;

    @Inject
    SchedulingConfig config;

    @Inject
    Appointments appointments;

    /**
     * Security finding #14.14: a company may hold at most {@code scheduling.max-holds-per-company} seats at once, and
     * may not hold again a seat (any slot overlapping it) whose hold it let go less than
     * {@code scheduling.hold-cooldown} ago; both 429 with Retry-After. The company's advisory lock makes concurrent
     * holds of one company, on any replica, count one after the other.
     */
    void requireHoldAllowed(String companyBin, SlotPlanner.PlannedSlot slot) {
        em.createNativeQuery(BookingSql.LOCK_COMPANY_HOLDS).setParameter("bin", companyBin).getSingleResult();
        OffsetDateTime now = appointments.now();
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
                    "This company let a hold of this time go at " + appointments.local(released) + "; it may hold it again from "
                            + appointments.local(again) + " (or book it directly now)")
                    .with("retryAt", appointments.local(again)).header("Retry-After", seconds(now, again));
        }
    }

    /** Whole seconds from {@code now} until {@code then}, at least 1 (a Retry-After value). */
    private static String seconds(OffsetDateTime now, OffsetDateTime then) {
        long millis = java.time.Duration.between(now, then).toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
