-- Invoices are frozen at submission: amounts, catalog version and MRP are copied here, never recomputed.
CREATE TABLE invoice (
    id                        uuid PRIMARY KEY,
    application_id            varchar(64)   NOT NULL UNIQUE,
    company_bin               varchar(12)   NOT NULL,
    service_code              varchar(80)   NOT NULL,
    catalog_version           varchar(40),
    submitted_catalog_version varchar(40),
    tariff_date               date          NOT NULL,
    mrp_year                  integer,
    mrp_amount                numeric(14, 2),
    person_id                 varchar(100),
    passport_number           varchar(40),
    citizenship               varchar(60),
    variant                   varchar(40),
    options                   varchar(200),
    currency                  varchar(3)    NOT NULL,
    total                     numeric(14, 2) NOT NULL,
    paid_amount               numeric(14, 2) NOT NULL,
    status                    varchar(20)   NOT NULL,
    issued_at                 timestamptz   NOT NULL,
    paid_at                   timestamptz,
    cancelled_at              timestamptz,
    cancellation_reason       varchar(300),
    refund_amount             numeric(14, 2),
    refunded_at               timestamptz,
    refunded_by               varchar(200),
    refund_reference          varchar(200),
    notes                     varchar(2000),
    version                   bigint        NOT NULL
);
CREATE INDEX invoice_company ON invoice (company_bin);
CREATE INDEX invoice_person ON invoice (person_id);
CREATE INDEX invoice_passport ON invoice (passport_number, citizenship);

CREATE TABLE invoice_line (
    id            uuid PRIMARY KEY,
    invoice_id    uuid          NOT NULL REFERENCES invoice (id),
    position      integer       NOT NULL,
    line_type     varchar(30)   NOT NULL,
    description   varchar(300)  NOT NULL,
    amount        numeric(14, 2) NOT NULL CHECK (amount >= 0),
    paid_amount   numeric(14, 2) NOT NULL CHECK (paid_amount >= 0 AND paid_amount <= amount),
    basis         varchar(2000),
    waived        boolean       NOT NULL,
    waiver_reason varchar(1000),
    UNIQUE (invoice_id, line_type)
);

-- The payment reference (e.g. the bank's transaction id) identifies one payment everywhere.
CREATE TABLE payment (
    id          uuid PRIMARY KEY,
    invoice_id  uuid          NOT NULL REFERENCES invoice (id),
    reference   varchar(200)  NOT NULL UNIQUE,
    amount      numeric(14, 2) NOT NULL CHECK (amount > 0),
    line_type   varchar(30),
    channel     varchar(20)   NOT NULL,
    received_by varchar(200)  NOT NULL,
    received_at timestamptz   NOT NULL
);
CREATE INDEX payment_invoice ON payment (invoice_id);
