package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.aifc.expat.defaults.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The seats of the quarter-hour buckets: taken (all of a visit's or none), given back, expired holds released, and
 * the shared day lock a booking holds against a calendar change. Seats change only through {@link BookingSql}.
 */
@ApplicationScoped
public class SeatLedger {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Waits while a calendar change of {@code date} is being applied (see {@link BookingSql#DAY_LOCK}). */
    void lockDayShared(java.time.LocalDate date) {
        em.createNativeQuery(BookingSql.LOCK_DAY_SHARED).setParameter("day", (int) date.toEpochDay())
                .getSingleResult();
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

    void releaseSeats(OffsetDateTime start, OffsetDateTime end) {
        em.createNativeQuery(BookingSql.RELEASE_SEATS).setParameter("start", start).setParameter("end", end)
                .executeUpdate();
    }

    /** Expires overdue holds and gives their seats back; returns how many holds expired. */
    @Transactional
    public int expireHolds() {
        Number released = (Number) em.createNativeQuery(BookingSql.EXPIRE_HOLDS)
                .setParameter("now", OffsetDateTime.now(clock)).getSingleResult();
        return released.intValue();
    }
}
