-- #15 booking at the speed of the database. Seats are counted per 15-minute bucket of time instead of per
-- (slot length, start) row plus a free-counter search at booking time:
--  * seat_bucket: one row per 15-minute bucket (the epoch-aligned quarter hours), capacity = counters open that day;
--  * a visit takes every bucket its interval touches, all in one guarded UPDATE ... WHERE booked < capacity whose row
--    count must equal the number of buckets (a 30-minute visit: two rows, both or none) - so at no moment are more
--    visitors booked than counters are open, whatever the slot lengths;
--  * the counter is assigned at check-in (the desk that calls the visitor), guarded by the exclusion constraint
--    below, now over checked-in visits only.

CREATE TABLE seat_bucket (
    starts_at  timestamptz  PRIMARY KEY,
    capacity   integer      NOT NULL CHECK (capacity >= 0),
    booked     integer      NOT NULL DEFAULT 0 CHECK (booked >= 0),
    CONSTRAINT seat_bucket_not_overbooked CHECK (booked <= capacity)
);

-- Buckets of the seats held today: each active appointment counts in every bucket it touches; the capacity is the
-- day's (the slot rows followed every counter change), never below what is booked.
INSERT INTO seat_bucket (starts_at, capacity, booked)
SELECT t.bucket, GREATEST(max(s.capacity), count(*)), count(*)
  FROM (SELECT a.slot_id, b AS bucket
          FROM appointment a,
               generate_series(date_bin('15 minutes', a.starts_at, TIMESTAMPTZ '2000-01-01 00:00+00'),
                               a.ends_at - INTERVAL '1 microsecond', INTERVAL '15 minutes') b
         WHERE a.status IN ('HELD', 'BOOKED', 'CHECKED_IN')) t
  JOIN slot s ON s.id = t.slot_id
 GROUP BY t.bucket;

-- Counters are no longer given at booking: the ones given to visits not yet at the office are dropped; checked-in and
-- past visits keep theirs (where the visitor was served).
ALTER TABLE appointment
    DROP CONSTRAINT appointment_active_counter,
    DROP CONSTRAINT appointment_counter_free;
UPDATE appointment SET counter = NULL WHERE status IN ('HELD', 'BOOKED');
ALTER TABLE appointment
    ADD CONSTRAINT appointment_checked_in_counter
        CHECK (status <> 'CHECKED_IN' OR (counter IS NOT NULL AND counter >= 1)),
    -- no counter serves two overlapping checked-in visits ([start, end): back-to-back visits do not overlap)
    ADD CONSTRAINT appointment_counter_free EXCLUDE USING gist (counter WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (status = 'CHECKED_IN');

ALTER TABLE appointment DROP COLUMN slot_id;
DROP TABLE slot;
