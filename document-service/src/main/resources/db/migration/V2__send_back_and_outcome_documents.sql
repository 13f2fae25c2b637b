-- Sent back after approval: only the documents asked for take new versions; after the visit no new booking.
ALTER TABLE checklist ADD COLUMN requested_requirements text;
ALTER TABLE checklist ADD COLUMN booking_needed boolean NOT NULL DEFAULT true;

-- The documents a case produced (the issued visa, permit, certificate...), uploaded by officers for the company.
CREATE TABLE outcome_document (
    id                 uuid PRIMARY KEY,
    application_id     uuid         NOT NULL,
    checklist_id       uuid         NOT NULL REFERENCES checklist (id),
    company_bin        varchar(12)  NOT NULL,
    object_key         varchar(300) NOT NULL UNIQUE,
    original_filename  varchar(255) NOT NULL,
    content_type       varchar(100) NOT NULL,
    size_bytes         bigint       NOT NULL,
    sha256             varchar(64)  NOT NULL,
    uploaded_by        varchar(200) NOT NULL,
    uploaded_at        timestamptz  NOT NULL
);
CREATE INDEX outcome_document_application ON outcome_document (application_id);
