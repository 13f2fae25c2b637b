-- catalog.calendar-changed: the catalog's word on a date as the last change made it (a holiday added, removed, a
-- transferred working day). It wins over the in-memory copy of the catalog's calendar, which every replica keeps
-- for minutes: every replica reads this table, so a closed day is closed on all of them at once.
CREATE TABLE catalog_day (
    day          date         PRIMARY KEY,
    working      boolean      NOT NULL,
    kind         varchar(40),
    name         varchar(300),
    name_en      varchar(300),
    changed_at   timestamptz  NOT NULL,
    changed_by   varchar(120),
    recorded_at  timestamptz  NOT NULL
);
