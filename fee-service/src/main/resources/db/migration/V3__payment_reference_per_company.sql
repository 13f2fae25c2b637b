-- A payment reference (the bank's transaction id) names one payment of one company, whatever its letter case
-- (security #14.12): 'r11' and 'R11' are the same payment, and one company's reference neither blocks nor reveals
-- another company's payment with the same text.
ALTER TABLE payment ADD COLUMN company_bin varchar(12);
UPDATE payment p SET company_bin = i.company_bin FROM invoice i WHERE i.id = p.invoice_id;
ALTER TABLE payment ALTER COLUMN company_bin SET NOT NULL;
ALTER TABLE payment DROP CONSTRAINT payment_reference_key;
CREATE UNIQUE INDEX payment_reference_per_company ON payment (company_bin, lower(reference));
