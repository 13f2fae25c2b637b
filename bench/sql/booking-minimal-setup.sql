-- The least a correct booking must do (issue #15): the fixed ceiling of the booking benchmark. Tables of their own,
-- dropped after the run; 2,000 slots of 100 seats (as many as the service's benchmark gives it).
DROP TABLE IF EXISTS ref_slot, ref_appointment, ref_outbox;
CREATE TABLE ref_slot (id int PRIMARY KEY, capacity int NOT NULL, booked int NOT NULL DEFAULT 0,
                       CHECK (booked <= capacity));
INSERT INTO ref_slot SELECT g, 100, 0 FROM generate_series(0, 1999) g;
CREATE TABLE ref_appointment (id uuid PRIMARY KEY, application_id text NOT NULL, slot_id int NOT NULL,
                              status text NOT NULL, created_at timestamptz NOT NULL);
CREATE UNIQUE INDEX ref_appointment_one_active ON ref_appointment (application_id) WHERE status IN ('HELD', 'BOOKED');
CREATE TABLE ref_outbox (id uuid PRIMARY KEY, topic text, event_type text, event_key text, payload text,
                         occurred_at timestamptz);
