package kz.aifc.expat.notification.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Retry delays with jitter, so a recovering dependency is not hit by every waiting row at the same instant. */
public final class Backoff {

    private Backoff() {
    }

    /** base × 2^(attempt-1), capped, ±20 %. */
    public static Duration exponential(int attempt, Duration base, Duration max) {
        long millis = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        if (millis <= 0 || millis > max.toMillis()) {
            millis = max.toMillis();
        }
        return jitter(Duration.ofMillis(millis));
    }

    /** The delay before attempt {@code attempt + 1} from a fixed schedule, or null when the schedule is used up. */
    public static Duration scheduled(int attempt, List<Duration> schedule) {
        return attempt - 1 < schedule.size() ? jitter(schedule.get(attempt - 1)) : null;
    }

    static Duration jitter(Duration d) {
        long millis = d.toMillis();
        long spread = millis / 5;
        return Duration.ofMillis(spread == 0 ? millis
                : millis - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
    }
}
