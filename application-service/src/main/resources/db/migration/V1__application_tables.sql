-- application-service: companies (hosts), persons, applications (the case), their history and internal notes.

CREATE TABLE company (
    bin         varchar(12)  PRIMARY KEY,
    name        varchar(300) NOT NULL,
    legal_form  varchar(30)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(200) NOT NULL
);

CREATE TABLE person (
    id               uuid         PRIMARY KEY,
    company_bin      varchar(12)  NOT NULL REFERENCES company (bin),
    first_name       varchar(100) NOT NULL,
    last_name        varchar(100) NOT NULL,
    date_of_birth    date         NOT NULL,
    citizenship      varchar(3)   NOT NULL,
    passport_number  varchar(30)  NOT NULL,
    passport_issued  date,
    passport_expires date         NOT NULL,
    iin              varchar(12),
    visa_type        varchar(30),
    visa_category    varchar(10),
    visa_number      varchar(40),
    visa_expires     date,
    visa_host_bin    varchar(12),
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0
);
CREATE INDEX person_company ON person (company_bin);
CREATE INDEX person_visa_expiry ON person (company_bin, visa_expires);

CREATE TABLE application (
    id                       uuid         PRIMARY KEY,
    company_bin              varchar(12)  NOT NULL REFERENCES company (bin),
    person_id                uuid         NOT NULL REFERENCES person (id),
    service_code             varchar(80)  NOT NULL,
    state                    varchar(30)  NOT NULL,
    applicant_type           varchar(20)  NOT NULL,
    principal_application_id uuid         REFERENCES application (id),
    relation                 varchar(10),
    child_age                integer,
    visa_category            varchar(10),
    variant                  varchar(30),
    entity                   varchar(20),
    options                  varchar(200),
    planned_stay_days        integer,
    requested_visa_end       date,
    consent_text_version     varchar(50),
    consent_at               timestamptz,
    catalog_version          varchar(40),
    fee_snapshot             text,
    processing_days          integer,
    review_round             integer      NOT NULL DEFAULT 0,
    docs_approved_round      integer      NOT NULL DEFAULT 0,
    docs_changes_round       integer      NOT NULL DEFAULT 0,
    appointment_id           varchar(80),
    appointment_status       varchar(20),
    appointment_start        varchar(40),
    appointment_event_at     timestamptz,
    cancelled_appointments   text,
    submitted_at             timestamptz,
    originals_received_at    timestamptz,
    due_date                 date,
    paused_since             date,
    paused_working_days      integer      NOT NULL DEFAULT 0,
    extension_days           integer      NOT NULL DEFAULT 0,
    extension_reason         varchar(1000),
    assignee                 varchar(200),
    created_by               varchar(200) NOT NULL,
    created_at               timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL,
    version                  bigint       NOT NULL DEFAULT 0
);
CREATE INDEX application_company_updated ON application (company_bin, updated_at);
CREATE INDEX application_state ON application (state);
CREATE INDEX application_due ON application (due_date) WHERE due_date IS NOT NULL;
CREATE INDEX application_person ON application (person_id);

CREATE TABLE application_event_history (
    id              bigserial    PRIMARY KEY,
    application_id  uuid         NOT NULL REFERENCES application (id),
    action          varchar(40)  NOT NULL,
    from_state      varchar(30),
    to_state        varchar(30)  NOT NULL,
    actor           varchar(200) NOT NULL,
    actor_role      varchar(30)  NOT NULL,
    at              timestamptz  NOT NULL,
    comment         varchar(2000)
);
CREATE INDEX application_history_app ON application_event_history (application_id, id);

CREATE TABLE application_note (
    id              uuid         PRIMARY KEY,
    application_id  uuid         NOT NULL REFERENCES application (id),
    author          varchar(200) NOT NULL,
    at              timestamptz  NOT NULL,
    text            varchar(4000) NOT NULL
);
CREATE INDEX application_note_app ON application_note (application_id, at);
