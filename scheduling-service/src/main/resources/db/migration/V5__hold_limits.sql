-- Security finding #14.14: when a hold ended without confirmation (expired or cancelled as a hold), so the same
-- company waits a cool-down before holding that seat again.
ALTER TABLE appointment ADD COLUMN hold_released_at timestamptz;
CREATE INDEX appointment_released_holds ON appointment (company_bin, hold_released_at)
    WHERE hold_released_at IS NOT NULL;
-- the per-company cap counts live holds
CREATE INDEX appointment_company_holds ON appointment (company_bin) WHERE status = 'HELD';
