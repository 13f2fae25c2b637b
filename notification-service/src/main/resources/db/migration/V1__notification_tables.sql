-- notification-service: e-mail and webhooks about what happened to a case.
--
-- An event the service consumes is recorded, in the same transaction as its inbox record, as
--   * a notification_job when it leads to e-mail: recipients and their languages are read over REST (application-,
--     fee- and scheduling-service) outside any transaction, then the job becomes one notification row per recipient;
--   * one webhook_delivery per enabled endpoint of the company that subscribed to the event type.
-- Relays claim rows with FOR UPDATE SKIP LOCKED and a lease, so replicas never work on one row at once, and a replica
-- killed mid-work leaves the row to be taken again once its lease has run out.

CREATE TABLE notification_job (
    event_id         varchar(120)  PRIMARY KEY,   -- CloudEvent id, or digest:<bin>:<week>
    event_type       varchar(120)  NOT NULL,
    application_id   varchar(80),
    company_bin      varchar(12),
    payload          text          NOT NULL,
    occurred_at      timestamptz,
    status           varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz   NOT NULL,
    lease_until      timestamptz,
    last_error       varchar(2000),
    created_at       timestamptz   NOT NULL,
    done_at          timestamptz
);
CREATE INDEX notification_job_due ON notification_job (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE notification (
    id               uuid          PRIMARY KEY,
    event_id         varchar(120)  NOT NULL REFERENCES notification_job (event_id),
    event_type       varchar(120)  NOT NULL,
    template         varchar(80)   NOT NULL,
    application_id   varchar(80),
    company_bin      varchar(12),
    recipient        varchar(254)  NOT NULL,
    recipient_kind   varchar(20)   NOT NULL CHECK (recipient_kind IN ('COMPANY_CONTACT', 'APPLICANT')),
    language         varchar(2)    NOT NULL CHECK (language IN ('kk', 'ru', 'en')),
    subject          varchar(500)  NOT NULL,
    body_text        text          NOT NULL,
    body_html        text          NOT NULL,
    attachment_name  varchar(200),
    attachment_type  varchar(100),
    attachment       text,
    status           varchar(10)   NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz   NOT NULL,
    lease_until      timestamptz,
    last_error       varchar(2000),
    message_id       varchar(300)  NOT NULL,       -- the Message-ID header, the same on every attempt
    smtp_message_id  varchar(300),                 -- what the SMTP client reported once the server accepted it
    created_at       timestamptz   NOT NULL,
    sent_at          timestamptz,
    updated_at       timestamptz   NOT NULL,
    UNIQUE (event_id, template, recipient)
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX notification_application ON notification (application_id, created_at);
CREATE INDEX notification_company ON notification (company_bin, created_at);

-- Companies seen in events: the weekly visa-expiry digest asks application-service's radar for each of them.
CREATE TABLE known_company (
    company_bin   varchar(12)  PRIMARY KEY,
    first_seen_at timestamptz  NOT NULL
);

CREATE TABLE webhook_endpoint (
    id                     uuid          PRIMARY KEY,
    company_bin            varchar(12)   NOT NULL,
    url                    varchar(2000) NOT NULL,
    description            varchar(500),
    event_types            varchar(2000) NOT NULL,   -- comma-separated, validated against the known types
    enabled                boolean       NOT NULL,
    secret                 varchar(200)  NOT NULL,   -- whsec_<base64>, signs every delivery
    previous_secret        varchar(200),             -- still signs until previous_secret_until (rotation overlap)
    previous_secret_until  timestamptz,
    failing_since          timestamptz,              -- first failure after the last success
    disabled_at            timestamptz,
    disabled_reason        varchar(500),
    created_by             varchar(200)  NOT NULL,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL,
    version                bigint        NOT NULL DEFAULT 0
);
CREATE INDEX webhook_endpoint_company ON webhook_endpoint (company_bin);

CREATE TABLE webhook_delivery (
    id                     uuid          PRIMARY KEY,
    seq                    bigserial     NOT NULL,   -- arrival order: per-application order for one endpoint
    endpoint_id            uuid          NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id               varchar(120)  NOT NULL,   -- webhook-id header: stable across retries and replays
    event_type             varchar(120)  NOT NULL,
    application_id         varchar(80),
    body                   text          NOT NULL,   -- the CloudEvent, structured JSON
    status                 varchar(12)   NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'ABANDONED')),
    attempts               integer       NOT NULL DEFAULT 0,
    schedule_from          integer       NOT NULL DEFAULT 0,   -- attempts when last replayed: the schedule restarts
    next_attempt_at        timestamptz   NOT NULL,
    lease_until            timestamptz,
    last_status_code       integer,
    last_error             varchar(1000),
    last_latency_ms        integer,
    last_response_excerpt  varchar(1000),
    last_attempt_at        timestamptz,
    created_at             timestamptz   NOT NULL,
    delivered_at           timestamptz,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_order ON webhook_delivery (endpoint_id, application_id, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (endpoint_id, created_at);

CREATE TABLE webhook_attempt (
    id                 bigserial     PRIMARY KEY,
    delivery_id        uuid          NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt            integer       NOT NULL,
    at                 timestamptz   NOT NULL,
    status_code        integer,
    latency_ms         integer       NOT NULL,
    error              varchar(1000),
    response_excerpt   varchar(1000)
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, attempt);
