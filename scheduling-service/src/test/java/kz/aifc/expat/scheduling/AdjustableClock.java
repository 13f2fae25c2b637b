package kz.aifc.expat.scheduling;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: pinned to {@link TestCalendar#PINNED_NOW} (then running), so the tests do not depend
 * on the real date; a test may move it, e.g. to stand "just before a visit", and {@link #reset()} brings it back.
 */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends Clock {

    private static final Duration PINNED = Duration.between(Instant.now(), TestCalendar.PINNED_NOW.toInstant());
    private static volatile Duration offset = PINNED;

    /** Makes the service believe it is {@code now} (time keeps running from there). */
    public static void set(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    /** Back to the pinned time line (the pinned "now" plus the real time elapsed since the tests started). */
    public static void reset() {
        offset = PINNED;
    }

    /** "Now" as the service under test sees it. */
    public static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now().plus(offset), TestCalendar.ZONE);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
