package kz.aifc.expat.scheduling;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: the real time, optionally shifted so a test can stand "just before a visit". */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    /** Makes the service believe it is {@code now} (time keeps running from there). */
    public static void set(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    public static void reset() {
        offset = Duration.ZERO;
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
