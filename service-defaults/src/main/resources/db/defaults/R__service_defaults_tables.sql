-- Tables of the shared infrastructure (outbox, inbox, idempotency keys, rate-limit buckets). A repeatable migration written to be
-- re-runnable, so service-defaults can evolve it without clashing with each service's own version numbers.

CREATE TABLE IF NOT EXISTS outbox_event (
    id            uuid PRIMARY KEY,
    topic         varchar(120) NOT NULL,
    event_type    varchar(120) NOT NULL,
    event_key     varchar(120) NOT NULL,
    subject       varchar(200),
    payload       text         NOT NULL,
    occurred_at   timestamptz  NOT NULL,
    published_at  timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_event_unpublished ON outbox_event (occurred_at) WHERE published_at IS NULL;
-- housekeeping deletes published rows by age (Housekeeping); these indexes keep that a range scan
CREATE INDEX IF NOT EXISTS outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS inbox_event (
    consumer     varchar(120) NOT NULL,
    event_id     varchar(120) NOT NULL,
    event_type   varchar(120) NOT NULL,
    received_at  timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX IF NOT EXISTS inbox_event_received ON inbox_event (received_at);

CREATE TABLE IF NOT EXISTS idempotency_record (
    caller          varchar(200) NOT NULL,
    idempotency_key varchar(200) NOT NULL,
    operation       varchar(200) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    response_status integer,
    response_body   text,
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX IF NOT EXISTS idempotency_record_created ON idempotency_record (created_at);

-- bucket4j's PostgreSQL layout: one row per client and plan while its budget is not full; expires_at (epoch ms)
-- lets any replica delete rows of budgets that have refilled (RateLimiter.removeFullBuckets)
CREATE TABLE IF NOT EXISTS rate_limit_bucket (
    id          varchar(300) PRIMARY KEY,
    state       bytea,
    expires_at  bigint
);
CREATE INDEX IF NOT EXISTS rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
