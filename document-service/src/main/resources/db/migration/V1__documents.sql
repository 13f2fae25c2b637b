-- Checklist of one application: built from the catalog version frozen on the application and the applicant profile.
CREATE TABLE checklist (
    id                 uuid PRIMARY KEY,
    application_id     uuid         NOT NULL UNIQUE,
    company_bin        varchar(12)  NOT NULL,
    service_code       varchar(80)  NOT NULL,
    catalog_version    varchar(40),
    as_of              date         NOT NULL,
    profile            text         NOT NULL,
    status             varchar(30)  NOT NULL,
    round              integer      NOT NULL DEFAULT 1,
    items_loaded       boolean      NOT NULL DEFAULT false,
    load_attempts      integer      NOT NULL DEFAULT 0,
    created_at         timestamptz  NOT NULL,
    closed_at          timestamptz,
    closed_reason      varchar(40),
    purged_at          timestamptz,
    version            bigint       NOT NULL DEFAULT 0
);
CREATE INDEX checklist_company ON checklist (company_bin);
CREATE INDEX checklist_unloaded ON checklist (created_at) WHERE items_loaded = false;
CREATE INDEX checklist_closed ON checklist (closed_at) WHERE closed_at IS NOT NULL AND purged_at IS NULL;

CREATE TABLE requirement (
    id             uuid PRIMARY KEY,
    checklist_id   uuid         NOT NULL REFERENCES checklist (id),
    position       integer      NOT NULL,
    document_code  varchar(120) NOT NULL,
    title          varchar(1000) NOT NULL,
    mandatory      boolean      NOT NULL,
    delivery       varchar(30)  NOT NULL,
    notarised      boolean      NOT NULL DEFAULT false,
    legalised      boolean      NOT NULL DEFAULT false,
    UNIQUE (checklist_id, document_code)
);

-- One row per uploaded version; a re-upload adds a version and keeps the history.
CREATE TABLE document (
    id                 uuid PRIMARY KEY,
    checklist_id       uuid         NOT NULL REFERENCES checklist (id),
    requirement_id     uuid         NOT NULL REFERENCES requirement (id),
    version            integer      NOT NULL,
    round              integer      NOT NULL,
    object_key         varchar(300) NOT NULL UNIQUE,
    original_filename  varchar(255) NOT NULL,
    content_type       varchar(100) NOT NULL,
    size_bytes         bigint       NOT NULL,
    sha256             varchar(64)  NOT NULL,
    status             varchar(30)  NOT NULL,
    rejection_reason   varchar(2000),
    reviewed_by        varchar(200),
    reviewed_at        timestamptz,
    uploaded_by        varchar(200) NOT NULL,
    uploaded_at        timestamptz  NOT NULL,
    UNIQUE (requirement_id, version)
);
CREATE INDEX document_checklist ON document (checklist_id);
CREATE INDEX document_pending_scan ON document (uploaded_at) WHERE status = 'PENDING_SCAN';

-- Outcome of a review round; the primary key makes "documents.approved once per round" a database fact.
CREATE TABLE review_round (
    checklist_id  uuid        NOT NULL REFERENCES checklist (id),
    round         integer     NOT NULL,
    outcome       varchar(30) NOT NULL,
    finished_by   varchar(200) NOT NULL,
    finished_at   timestamptz NOT NULL,
    PRIMARY KEY (checklist_id, round)
);

-- Written before an object is sent to the store, removed in the transaction that commits its metadata: a row older
-- than a few minutes names an object without metadata, which the sweeper deletes.
CREATE TABLE pending_object (
    object_key  varchar(300) PRIMARY KEY,
    created_at  timestamptz  NOT NULL
);

-- What the retention job deleted and when (no file names: personal-data minimisation).
CREATE TABLE retention_audit (
    id              uuid PRIMARY KEY,
    application_id  uuid         NOT NULL,
    company_bin     varchar(12)  NOT NULL,
    document_id     uuid         NOT NULL,
    document_code   varchar(120) NOT NULL,
    version         integer      NOT NULL,
    object_key      varchar(300) NOT NULL,
    sha256          varchar(64)  NOT NULL,
    size_bytes      bigint       NOT NULL,
    closed_at       timestamptz  NOT NULL,
    deleted_at      timestamptz  NOT NULL
);
CREATE INDEX retention_audit_application ON retention_audit (application_id);
