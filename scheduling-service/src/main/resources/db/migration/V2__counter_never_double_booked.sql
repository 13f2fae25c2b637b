-- A counter serves one visit at a time, whatever the slot lengths. Slot rows are per length, so the per-slot unique
-- index of V1 let a 15-minute and an overlapping 30-minute appointment share a counter (more visitors than counters).
-- The guard is now an exclusion constraint over the time interval of the active appointments.

-- btree_gist: "=" on an integer inside a GiST index. A trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Data written before this migration may hold such overlaps: an appointment that overlaps an earlier one on its
-- counter moves to the lowest counter free over its whole interval (beyond the open counters if they were already
-- over-booked: the visitors keep their appointment and officers see the extra counter in the day view).
DO $$
DECLARE
    longest interval;
    r       record;
    used    integer[];
    n       integer := 0;
BEGIN
    SELECT coalesce(max(ends_at - starts_at), interval '0') INTO longest
      FROM appointment WHERE status IN ('HELD', 'BOOKED', 'CHECKED_IN');
    -- candidates: a start before the latest end of the earlier appointments on the same counter (one sort)
    FOR r IN
        SELECT id, starts_at, ends_at, counter FROM (
            SELECT id, starts_at, ends_at, counter, created_at,
                   max(ends_at) OVER (PARTITION BY counter ORDER BY starts_at, created_at, id
                                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS busy_until
              FROM appointment WHERE status IN ('HELD', 'BOOKED', 'CHECKED_IN')) x
         WHERE counter IS NULL OR counter < 1 OR busy_until > starts_at
         ORDER BY starts_at, created_at, id
    LOOP
        -- counters of the others overlapping it now (moves made so far included)
        SELECT coalesce(array_agg(b.counter), '{}') INTO used FROM appointment b
         WHERE b.id <> r.id AND b.status IN ('HELD', 'BOOKED', 'CHECKED_IN') AND b.counter IS NOT NULL
           AND b.starts_at >= r.starts_at - longest AND b.starts_at < r.ends_at AND b.ends_at > r.starts_at;
        IF r.counter IS NULL OR r.counter < 1 OR r.counter = ANY (used) THEN
            UPDATE appointment
               SET counter = (SELECT min(c) FROM generate_series(1, cardinality(used) + 1) c WHERE c <> ALL (used))
             WHERE id = r.id;
            n := n + 1;
        END IF;
    END LOOP;
    IF n > 0 THEN
        RAISE NOTICE 'moved % appointment(s) to a counter free over their interval', n;
    END IF;
END $$;

ALTER TABLE appointment
    ADD CONSTRAINT appointment_interval CHECK (ends_at > starts_at),
    -- an active appointment always has a counter (a NULL would escape the exclusion below)
    ADD CONSTRAINT appointment_active_counter
        CHECK (status NOT IN ('HELD', 'BOOKED', 'CHECKED_IN') OR (counter IS NOT NULL AND counter >= 1)),
    -- no counter hosts two overlapping active appointments ([start, end): back-to-back visits do not overlap)
    ADD CONSTRAINT appointment_counter_free EXCLUDE USING gist (counter WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (status IN ('HELD', 'BOOKED', 'CHECKED_IN'));

-- Implied by the exclusion constraint (same slot = same interval); one index less to write per booking.
DROP INDEX appointment_counter_per_slot;
