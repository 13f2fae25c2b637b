package kz.aifc.expat.scheduling.service;

/**
 * The SQL of a booking, in one place so the benchmark can run exactly the same statements through pgbench
 * (see README.md, "Booking SQL"). Named parameters use Hibernate's {@code :name} syntax.
 *
 * <p>A booking is three statements in one transaction: make sure the slot row exists, take a seat with a conditional
 * update whose row count is checked (zero rows = the slot is full), insert the appointment on a counter free over its
 * whole interval, across slot lengths. The insert inserts nothing when no counter is free, when a concurrent booking
 * of an overlapping slot of another length took the counter first (exclusion constraint
 * {@code appointment_counter_free}, V2) or when the application already has an active appointment
 * ({@code appointment_one_active}); the caller tells these apart, tries again or rolls back, which also gives the
 * seat back.
 */
public final class BookingSql {

    /** Statuses that hold a seat; must match the partial indexes and the exclusion constraint (V1, V2). */
    public static final String ACTIVE = "('HELD', 'BOOKED', 'CHECKED_IN')";

    /** 1. Materialise the slot lazily; a concurrent first booking of the same slot waits here, then does nothing. */
    public static final String ENSURE_SLOT = "INSERT INTO slot (length_minutes, starts_at, ends_at, capacity, booked) "
            + "VALUES (:length, :start, :end, :capacity, 0) ON CONFLICT (length_minutes, starts_at) DO NOTHING";

    /**
     * 2. Take one seat. Returns the slot id, or no row when the slot is full: the database decides who gets the last
     * seat (the row lock serialises concurrent bookers; each re-checks {@code booked < capacity}).
     */
    public static final String TAKE_SEAT = "UPDATE slot SET booked = booked + 1 "
            + "WHERE length_minutes = :length AND starts_at = :start AND booked < capacity RETURNING id";

    /** Gives one seat back (cancel, hold expiry, reschedule away). */
    public static final String RELEASE_SEAT = "UPDATE slot SET booked = booked - 1 WHERE id = :slotId AND booked > 0";

    /**
     * The lowest counter of the slot that no other active appointment (of any length) uses at any moment of the
     * slot's interval, or NULL; {@code :id} is the appointment being placed (a reschedule does not block itself). The
     * range predicate is the exclusion constraint's, so its GiST index answers it. Under concurrency the constraint,
     * not this sub-select, has the last word.
     */
    public static final String FREE_COUNTER = "(SELECT min(c) FROM slot s2, generate_series(1, s2.capacity) c "
            + "WHERE s2.id = :slotId AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.counter = c "
            + "AND a.status IN " + ACTIVE + " AND tstzrange(a.starts_at, a.ends_at) && tstzrange(s2.starts_at, "
            + "s2.ends_at) AND a.id <> :id))";

    /**
     * 3. The appointment on a free counter. No row inserted when no counter is free, or on any conflict: ON CONFLICT
     * without a target covers the exclusion constraint as well as {@code appointment_one_active}, so a lost race
     * leaves the transaction usable (an error would abort it) and the caller can try the next counter.
     */
    public static final String INSERT_APPOINTMENT = "INSERT INTO appointment (id, application_id, company_bin, "
            + "service_code, slot_id, starts_at, ends_at, status, counter, hold_expires_at, created_by, created_at, "
            + "updated_at, version) "
            + "SELECT :id, :applicationId, :companyBin, :serviceCode, s.id, s.starts_at, s.ends_at, :status, "
            + "s.counter, :holdExpiresAt, :actor, :now, :now, 0 "
            + "FROM (SELECT id, starts_at, ends_at, " + FREE_COUNTER + " AS counter FROM slot WHERE id = :slotId) s "
            + "WHERE s.counter IS NOT NULL ON CONFLICT DO NOTHING";

    /**
     * Expires every hold past its time and gives the seats back, in one statement (safe with several replicas: a
     * row locked by another sweeper is skipped, and each expired hold is counted exactly once).
     */
    public static final String EXPIRE_HOLDS = "WITH expired AS ("
            + "UPDATE appointment SET status = 'EXPIRED', hold_released_at = :now, updated_at = :now, "
            + "version = version + 1 "
            + "WHERE id IN (SELECT id FROM appointment WHERE status = 'HELD' AND hold_expires_at <= :now "
            + "ORDER BY hold_expires_at LIMIT 500 FOR UPDATE SKIP LOCKED) RETURNING slot_id), "
            + "released AS (UPDATE slot s SET booked = s.booked - e.n "
            + "FROM (SELECT slot_id, count(*) AS n FROM expired GROUP BY slot_id) e WHERE s.id = e.slot_id "
            + "RETURNING e.n) SELECT coalesce(sum(n), 0) FROM released";

    /**
     * Advisory-lock namespace of calendar days (second key: the date's epoch day). A booking or reschedule holds it
     * shared for the day of its new start; applying a calendar change holds it exclusively for the changed day. So
     * a booking either commits before the change (and is cancelled by it) or sees the change (and is refused), on
     * whichever replica each runs.
     */
    public static final int DAY_LOCK = 0x5C4ED001;

    /** Advisory-lock namespace of a company's holds (second key: hash of the BIN): the cap counts one at a time. */
    public static final int COMPANY_HOLDS_LOCK = 0x5C4ED002;

    public static final String LOCK_DAY_SHARED = "SELECT pg_advisory_xact_lock_shared(" + DAY_LOCK + ", :day)";

    public static final String LOCK_DAY = "SELECT pg_advisory_xact_lock(" + DAY_LOCK + ", :day)";

    public static final String LOCK_COMPANY_HOLDS = "SELECT pg_advisory_xact_lock(" + COMPANY_HOLDS_LOCK
            + ", hashtext(:bin))";

    private BookingSql() {
    }
}
