-- Permanent residence is for foreigners on the list of in-demand professions: the profession the applicant
-- qualifies under. A family member's principal may be a person holding a visa/permit obtained outside the centre.

ALTER TABLE application ADD COLUMN in_demand_profession varchar(200);
ALTER TABLE application ADD COLUMN principal_person_id uuid REFERENCES person (id);
