-- The centre's confirmation rule (README "Attendance confirmation"): the company is asked to confirm a visit before
-- it; one still unconfirmed when the confirm deadline passes is cancelled. Officers may exempt an appointment.
ALTER TABLE appointment
    -- when the current start was chosen by a reschedule (else created_at): decides "booked inside the window"
    ADD COLUMN rescheduled_at           timestamptz,
    ADD COLUMN attendance_confirmed_at  timestamptz,
    ADD COLUMN attendance_confirmed_via varchar(10)
        CHECK (attendance_confirmed_via IN ('API', 'LINK', 'BOOKING', 'SYSTEM')),
    ADD COLUMN attendance_confirmed_by  varchar(120),
    ADD COLUMN confirmation_exempt_at   timestamptz,
    ADD COLUMN confirmation_exempt_by   varchar(120),
    ADD COLUMN confirmation_exempt_reason varchar(500),
    -- the one-click link of the last reminder: its id (in the signed token) and when it was used (single use)
    ADD COLUMN link_token_id            uuid,
    ADD COLUMN link_used_at             timestamptz,
    ADD CONSTRAINT appointment_confirmation_complete CHECK ((attendance_confirmed_at IS NULL)
        = (attendance_confirmed_via IS NULL));

-- Visits booked before the rule existed were never asked to confirm and their holders were told nothing of it:
-- they count as confirmed, so the new job neither asks nor cancels them.
UPDATE appointment SET attendance_confirmed_at = now(), attendance_confirmed_via = 'SYSTEM',
                       attendance_confirmed_by = 'booked before the confirmation rule'
 WHERE status IN ('HELD', 'BOOKED');

-- What the reminder job and the cancellation job look for.
DROP INDEX appointment_reminders;
CREATE INDEX appointment_awaiting_confirmation ON appointment (starts_at)
    WHERE status = 'BOOKED' AND attendance_confirmed_at IS NULL AND confirmation_exempt_at IS NULL;
