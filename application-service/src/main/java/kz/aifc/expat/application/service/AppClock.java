package kz.aifc.expat.application.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * "Now" for the business rules, in the office's time zone (Asia/Almaty). Tests may shift it forward to see how
 * deadlines and windows behave later; production never shifts.
 */
@ApplicationScoped
public class AppClock {

    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Almaty");

    private volatile Duration shift = Duration.ZERO;

    public OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).plus(shift);
    }

    public LocalDate today() {
        return now().atZoneSameInstant(OFFICE_ZONE).toLocalDate();
    }

    public LocalDate dateOf(OffsetDateTime instant) {
        return instant.atZoneSameInstant(OFFICE_ZONE).toLocalDate();
    }

    /** Test hook: moves "now" by {@code by}; {@link #reset()} undoes it. */
    public void shift(Duration by) {
        shift = shift.plus(by);
    }

    public void reset() {
        shift = Duration.ZERO;
    }
}
