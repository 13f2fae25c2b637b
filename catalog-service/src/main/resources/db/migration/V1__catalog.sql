-- The catalogue as versioned reference data: each version is the whole validated document (see CatalogContent).
CREATE TABLE catalog_version (
    version        integer      PRIMARY KEY,
    effective_from date         NOT NULL UNIQUE,
    published_at   timestamptz  NOT NULL,
    published_by   varchar(200) NOT NULL,
    content        jsonb        NOT NULL
);

-- Monthly calculation index (MRP) by year; state duties are multiples of it.
CREATE TABLE mrp_rate (
    year       integer       PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200),
    amount     numeric(12,2) NOT NULL CHECK (amount > 0),
    source     varchar(300),
    updated_at timestamptz   NOT NULL DEFAULT now()
);

-- Explicit calendar days: public holidays, days off moved from holidays on weekends, decreed transfers.
-- Weekends (Saturday, Sunday) are implicit and need no row; a row with working = true makes a weekend day a
-- working day (decreed transfer).
CREATE TABLE calendar_day (
    date       date         PRIMARY KEY,
    working    boolean      NOT NULL,
    kind       varchar(40)  NOT NULL,
    reason_ru  varchar(300) NOT NULL,
    reason_en  varchar(300) NOT NULL,
    source     varchar(300),
    updated_at timestamptz  NOT NULL DEFAULT now()
);
