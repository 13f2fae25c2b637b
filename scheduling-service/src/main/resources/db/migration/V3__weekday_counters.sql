-- Admin-set number of open counters per weekday. A weekday without a row uses configuration
-- (scheduling.counters."<weekday>" / scheduling.default-counters); a per-date counter_override row wins over both.
CREATE TABLE weekday_counters (
    weekday     varchar(9)   PRIMARY KEY
        CHECK (weekday IN ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
    counters    integer      NOT NULL CHECK (counters >= 0),
    updated_by  varchar(120) NOT NULL,
    updated_at  timestamptz  NOT NULL
);
