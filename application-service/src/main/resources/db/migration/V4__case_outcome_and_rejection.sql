-- What a completed case produced (the issued document itself lives in document-service as an outcome document,
-- whose ids arrive by document.outcome-uploaded), and why a case was rejected.
ALTER TABLE application ADD COLUMN outcome_kind varchar(30);
ALTER TABLE application ADD COLUMN outcome_number varchar(60);
ALTER TABLE application ADD COLUMN outcome_category varchar(10);
ALTER TABLE application ADD COLUMN outcome_issued_on date;
ALTER TABLE application ADD COLUMN outcome_valid_from date;
ALTER TABLE application ADD COLUMN outcome_valid_until date;
ALTER TABLE application ADD COLUMN outcome_issuing_body varchar(300);
ALTER TABLE application ADD COLUMN outcome_documents text;
ALTER TABLE application ADD COLUMN rejection_reasons varchar(300);
ALTER TABLE application ADD COLUMN rejection_comment text;

-- The service that issued the person's current visa/permit (set from an outcome): its extension is that service's
ALTER TABLE person ADD COLUMN visa_service_code varchar(80);
