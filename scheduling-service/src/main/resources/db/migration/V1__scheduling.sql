-- scheduling-service: office capacity (slots), appointments, the applications that may book, admin calendar changes.

-- Applications whose documents were approved (from documents.approved); closed again by changes-requested,
-- withdrawal, cancellation or completion. Booking reads only this table: no call to another service at booking time.
CREATE TABLE bookable_application (
    application_id  varchar(64)  PRIMARY KEY,
    company_bin     varchar(12)  NOT NULL,
    service_code    varchar(80),
    round           integer      NOT NULL DEFAULT 0,
    open            boolean      NOT NULL,
    closed_reason   varchar(40),
    approved_at     timestamptz,
    updated_at      timestamptz  NOT NULL
);
CREATE INDEX bookable_application_company ON bookable_application (company_bin);

-- One row per (slot length, start), materialised lazily at the first booking. The seat count is guarded by the
-- database: a booking is "UPDATE ... SET booked = booked + 1 WHERE ... AND booked < capacity" with its row count
-- checked, and the CHECK below makes an over-booking impossible even for code that forgets the condition.
CREATE TABLE slot (
    id              bigserial    PRIMARY KEY,
    length_minutes  integer      NOT NULL CHECK (length_minutes > 0),
    starts_at       timestamptz  NOT NULL,
    ends_at         timestamptz  NOT NULL,
    capacity        integer      NOT NULL CHECK (capacity >= 0),
    booked          integer      NOT NULL DEFAULT 0 CHECK (booked >= 0),
    CONSTRAINT slot_not_overbooked CHECK (booked <= capacity),
    CONSTRAINT slot_length_start UNIQUE (length_minutes, starts_at)
);
CREATE INDEX slot_starts_at ON slot (starts_at);

CREATE TABLE appointment (
    id               uuid         PRIMARY KEY,
    application_id   varchar(64)  NOT NULL,
    company_bin      varchar(12)  NOT NULL,
    service_code     varchar(80)  NOT NULL,
    slot_id          bigint       NOT NULL REFERENCES slot (id),
    starts_at        timestamptz  NOT NULL,
    ends_at          timestamptz  NOT NULL,
    status           varchar(20)  NOT NULL
        CHECK (status IN ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW', 'EXPIRED')),
    counter          integer,
    hold_expires_at  timestamptz,
    reminder_sent_at timestamptz,
    checked_in_at    timestamptz,
    completed_at     timestamptz,
    cancelled_at     timestamptz,
    cancel_reason    varchar(500),
    cancelled_by     varchar(120),
    created_by       varchar(120) NOT NULL,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          integer      NOT NULL DEFAULT 0
);
-- One active appointment per application, enforced by the database.
CREATE UNIQUE INDEX appointment_one_active ON appointment (application_id)
    WHERE status IN ('HELD', 'BOOKED', 'CHECKED_IN');
-- A counter serves one active appointment per slot.
CREATE UNIQUE INDEX appointment_counter_per_slot ON appointment (slot_id, counter)
    WHERE status IN ('HELD', 'BOOKED', 'CHECKED_IN') AND counter IS NOT NULL;
CREATE INDEX appointment_company ON appointment (company_bin, starts_at);
CREATE INDEX appointment_starts_at ON appointment (starts_at);
CREATE INDEX appointment_holds ON appointment (hold_expires_at) WHERE status = 'HELD';
CREATE INDEX appointment_reminders ON appointment (starts_at) WHERE status = 'BOOKED' AND reminder_sent_at IS NULL;

-- Admin closures: a whole day (no times) or part of a day (local times in the office time zone).
CREATE TABLE closure (
    id          uuid         PRIMARY KEY,
    day         date         NOT NULL,
    start_time  time,
    end_time    time,
    reason      varchar(500) NOT NULL,
    created_by  varchar(120) NOT NULL,
    created_at  timestamptz  NOT NULL,
    CHECK ((start_time IS NULL AND end_time IS NULL) OR (start_time IS NOT NULL AND end_time IS NOT NULL
        AND start_time < end_time))
);
CREATE INDEX closure_day ON closure (day);

-- Admin override of the number of open counters for one date (weekday defaults come from configuration).
CREATE TABLE counter_override (
    day         date         PRIMARY KEY,
    counters    integer      NOT NULL CHECK (counters >= 0),
    updated_by  varchar(120) NOT NULL,
    updated_at  timestamptz  NOT NULL
);
