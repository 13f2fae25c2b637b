package kz.aifc.expat.scheduling.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a booking, in one place so the benchmark can run exactly the same statements through pgbench
 * (see README.md, "Booking SQL"). Named parameters use Hibernate's {@code :name} syntax.
 *
 * <p>Seats are counted per {@link #BUCKET_MINUTES}-minute bucket of time (V7): a visit takes every bucket its interval
 * touches, in one guarded update whose row count the caller compares with the number of buckets, so the database
 * never lets more visits overlap a moment than counters are open, whatever the slot lengths. A booking is: make sure
 * take a seat in each bucket (materialising the buckets first if one is missing), insert the appointment (the partial
 * unique index {@code appointment_one_active} keeps one active appointment per application). Counters are given at
 * check-in.
 */
public final class BookingSql {

    /** Statuses that hold a seat; must match the partial unique index (V1). */
    public static final String ACTIVE = "('HELD', 'BOOKED', 'CHECKED_IN')";

    /**
     * Length of a seat bucket. Exact for slots on the quarter-hour grid (all of today's); a slot off it counts in every
     * bucket it touches: never over-booked, at worst a seat unused.
     */
    public static final int BUCKET_MINUTES = 15;

    /** The bucket that holds instant {@code x} (an SQL expression): the quarter hours of the epoch. */
    static String bucketOf(String x) {
        return "date_bin('" + BUCKET_MINUTES + " minutes', " + x + ", TIMESTAMPTZ '2000-01-01 00:00+00')";
    }

    /** Start (epoch seconds) of every bucket [start, end) touches: the rows {@link #TAKE_SEATS} must take. */
    public static List<Long> bucketStarts(OffsetDateTime start, OffsetDateTime end) {
        long size = BUCKET_MINUTES * 60L;
        List<Long> starts = new ArrayList<>(2);
        for (long b = Math.floorDiv(start.toEpochSecond(), size) * size; b < end.toEpochSecond(); b += size) {
            starts.add(b);
        }
        return starts;
    }

    /** Buckets of [:start, :end). */
    private static final String BUCKETS_OF_VISIT = "starts_at >= " + bucketOf("CAST(:start AS timestamptz)")
            + " AND starts_at < :end";

    /**
     * 1. Take one seat in each bucket of the visit: the buckets that had one are returned (as epoch seconds). All of
     * the visit's buckets returned: booked, in this one statement (the usual case). The row locks serialise
     * concurrent bookers of a bucket; each re-checks {@code booked < capacity}.
     */
    public static final String TAKE_SEATS = "UPDATE seat_bucket SET booked = booked + 1 WHERE " + BUCKETS_OF_VISIT
            + " AND booked < capacity RETURNING CAST(extract(epoch FROM starts_at) AS bigint)";

    /**
     * 2. Only when a bucket was missing from step 1's answer: materialise the visit's buckets with the day's counters
     * as capacity (existing ones are left alone; a concurrent first booking of the same bucket waits here for the
     * other's commit, then does nothing) ...
     */
    public static final String ENSURE_BUCKETS = "INSERT INTO seat_bucket (starts_at, capacity, booked) "
            + "SELECT b, :capacity, 0 FROM generate_series(" + bucketOf("CAST(:start AS timestamptz)")
            + ", CAST(:end AS timestamptz) - INTERVAL '1 microsecond', INTERVAL '" + BUCKET_MINUTES + " minutes') b "
            + "ON CONFLICT (starts_at) DO NOTHING";

    /** ... and take a seat in each missing one; no row = full, and the caller rolls back what it took. */
    public static final String TAKE_SEAT_AT = "UPDATE seat_bucket SET booked = booked + 1 "
            + "WHERE starts_at = to_timestamp(:epoch) AND booked < capacity";

    /** Gives the seats of a visit back (cancel, hold expiry, reschedule away). */
    public static final String RELEASE_SEATS = "UPDATE seat_bucket SET booked = booked - 1 WHERE " + BUCKETS_OF_VISIT
            + " AND booked > 0";

    /**
     * 3. The appointment, returned as stored. Nothing inserted when the application already has an active one (ON
     * CONFLICT without a target covers the partial unique index {@code appointment_one_active}); the caller, which
     * holds the application's row lock, then looks the active one up to name it.
     */
    public static final String INSERT_APPOINTMENT = "INSERT INTO appointment (id, application_id, company_bin, "
            + "service_code, starts_at, ends_at, status, hold_expires_at, created_by, created_at, updated_at, version) "
            + "VALUES (:id, :applicationId, :companyBin, :serviceCode, :start, :end, :status, :holdExpiresAt, :actor, "
            + ":now, :now, 0) ON CONFLICT DO NOTHING RETURNING *";

    /**
     * The lowest counter that no checked-in visit uses at any moment of [:start, :end) (the exclusion constraint's
     * range predicate, so its GiST index answers). Beyond the open counters when they are all busy (an early arrival,
     * an overrun): the visitor is served, and officers see the extra counter in the day view.
     */
    public static final String FREE_COUNTER = "SELECT min(c) FROM generate_series(1, (SELECT count(*) + 1 FROM "
            + "appointment WHERE status = 'CHECKED_IN' AND tstzrange(starts_at, ends_at) && tstzrange(:start, :end)"
            + ")::int) c WHERE NOT EXISTS (SELECT 1 FROM appointment a WHERE a.counter = c AND a.status = 'CHECKED_IN' "
            + "AND tstzrange(a.starts_at, a.ends_at) && tstzrange(:start, :end))";

    /**
     * Expires every hold past its time and gives the seats back, in one statement (safe with several replicas: a
     * row locked by another sweeper is skipped, and each expired hold is counted exactly once). Returns the number
     * of holds expired.
     */
    public static final String EXPIRE_HOLDS = "WITH expired AS ("
            + "UPDATE appointment SET status = 'EXPIRED', hold_released_at = :now, updated_at = :now, "
            + "version = version + 1 "
            + "WHERE id IN (SELECT id FROM appointment WHERE status = 'HELD' AND hold_expires_at <= :now "
            + "ORDER BY hold_expires_at LIMIT 500 FOR UPDATE SKIP LOCKED) RETURNING starts_at, ends_at), "
            + "released AS (UPDATE seat_bucket s SET booked = s.booked - e.n "
            + "FROM (SELECT b, count(*) AS n FROM expired, generate_series(" + bucketOf("expired.starts_at")
            + ", expired.ends_at - INTERVAL '1 microsecond', INTERVAL '" + BUCKET_MINUTES + " minutes') b GROUP BY b) e "
            + "WHERE s.starts_at = e.b) SELECT count(*) FROM expired";

    /**
     * Advisory-lock namespace of calendar days (second key: the date's epoch day). A booking or reschedule holds it
     * shared for the day of its new start; applying a calendar change holds it exclusively for the changed day. So
     * a booking either commits before the change (and is cancelled by it) or sees the change (and is refused), on
     * whichever replica each runs.
     */
    public static final int DAY_LOCK = 0x5C4ED001;

    /** Advisory-lock namespace of a company's holds (second key: hash of the BIN): the cap counts one at a time. */
    public static final int COMPANY_HOLDS_LOCK = 0x5C4ED002;

    /** Advisory-lock namespace of check-ins (second key: the epoch day): counters are given one at a time. */
    public static final int CHECK_IN_LOCK = 0x5C4ED003;

    public static final String LOCK_DAY_SHARED = "SELECT pg_advisory_xact_lock_shared(" + DAY_LOCK + ", :day)";

    public static final String LOCK_DAY = "SELECT pg_advisory_xact_lock(" + DAY_LOCK + ", :day)";

    public static final String LOCK_CHECK_IN = "SELECT pg_advisory_xact_lock(" + CHECK_IN_LOCK + ", :day)";

    public static final String LOCK_COMPANY_HOLDS = "SELECT pg_advisory_xact_lock(" + COMPANY_HOLDS_LOCK
            + ", hashtext(:bin))";

    private BookingSql() {
    }
}
