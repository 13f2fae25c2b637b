-- notification-service addresses its e-mails with these (read over REST with its service account; events carry ids,
-- not personal data): the company's notification contacts, each with the language its messages are written in, and
-- the applicant person's own address, used only while the person consents to be contacted.

CREATE TABLE company_notification_contact (
    company_bin  varchar(12)  NOT NULL REFERENCES company (bin),
    position     integer      NOT NULL,
    email        varchar(254) NOT NULL,
    language     varchar(2)   NOT NULL CHECK (language IN ('kk', 'ru', 'en')),
    updated_at   timestamptz  NOT NULL,
    updated_by   varchar(200) NOT NULL,
    PRIMARY KEY (company_bin, position),
    UNIQUE (company_bin, email)
);

ALTER TABLE person ADD COLUMN email varchar(254);
ALTER TABLE person ADD COLUMN preferred_language varchar(2) CHECK (preferred_language IN ('kk', 'ru', 'en'));
ALTER TABLE person ADD COLUMN contact_consent boolean NOT NULL DEFAULT false;
ALTER TABLE person ADD COLUMN contact_consent_at timestamptz;
