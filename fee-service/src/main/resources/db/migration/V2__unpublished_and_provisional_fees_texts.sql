-- Unknown is not free: a fee the guide does not publish has no amount (NULL), not 0.00, and the invoice no total.
ALTER TABLE invoice ALTER COLUMN total DROP NOT NULL;
ALTER TABLE invoice_line ALTER COLUMN amount DROP NOT NULL;
ALTER TABLE invoice ADD COLUMN fees_published boolean NOT NULL DEFAULT true;
ALTER TABLE invoice_line ADD COLUMN published boolean NOT NULL DEFAULT true;
-- the receipt the checklist asks for a payment whose amount is not published
ALTER TABLE invoice_line ADD COLUMN payment_document_code varchar(80);
-- a state duty of a year whose MRP is not published yet: priced with an earlier MRP, not payable until final
ALTER TABLE invoice_line ADD COLUMN provisional boolean NOT NULL DEFAULT false;
ALTER TABLE invoice ADD COLUMN provisional_year integer;
-- line texts (description, basis, waiver reason, payment document title) and notes per language, as JSON:
-- {"en": {...}, "ru": {...}} (kk only where the catalog had Kazakh); NULL for invoices issued before
ALTER TABLE invoice_line ADD COLUMN texts text;
ALTER TABLE invoice ADD COLUMN notes_texts text;
