package kz.aifc.expat.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** notification-service settings (prefix {@code expat.notification}). */
@ConfigMapping(prefix = "expat.notification")
public interface NotificationConfig {

    /** Language of a recipient who has none (an applicant without a preferred language): kk, ru or en. */
    @WithDefault("en")
    String defaultLanguage();

    /** Time zone every time in a message is shown in (the office's). */
    @WithDefault("Asia/Almaty")
    String timeZone();

    Mail mail();

    Compose compose();

    Digest digest();

    Webhooks webhooks();

    interface Mail {
        /** After this many failed attempts a message is FAILED (with its last error) and no longer retried. */
        @WithDefault("20")
        int maxAttempts();

        /** Back-off after the first failure; doubles per attempt up to {@link #backoffMax()}, with jitter. */
        @WithDefault("PT5S")
        Duration backoffBase();

        @WithDefault("PT30M")
        Duration backoffMax();

        /** Bound of one SMTP hand-over; a hanging server counts as a failure. */
        @WithDefault("PT15S")
        Duration sendTimeout();

        /**
         * How long a claimed message belongs to the replica that claimed it: longer than a send, so two replicas
         * never send one message at once; a replica killed mid-send leaves it to be sent again after this.
         */
        @WithDefault("PT2M")
        Duration lease();

        /** Domain of the Message-ID header (one id per message row, the same on every attempt). */
        @WithDefault("notifications.expat.aifc.kz")
        String messageIdDomain();
    }

    interface Compose {
        /** Events (and digests) whose recipients could not be read are retried this often before FAILED. */
        @WithDefault("30")
        int maxAttempts();

        @WithDefault("PT5S")
        Duration backoffBase();

        @WithDefault("PT10M")
        Duration backoffMax();

        @WithDefault("PT2M")
        Duration lease();

        /** How many free visit slots "documents approved" lists, from how many days ahead. */
        @WithDefault("5")
        int slotsShown();

        @WithDefault("14")
        int slotDays();
    }

    interface Digest {
        /** When the weekly visa-expiry digest runs (office time zone): Mondays 09:00. */
        @WithDefault("0 0 9 ? * MON")
        String cron();

        /** The digest lists people whose extension window starts within this many days. */
        @WithDefault("30")
        int withinDays();
    }

    interface Webhooks {
        /** Bound of one delivery request (connect + response); a hanging receiver is a failed attempt. */
        @WithDefault("PT10S")
        Duration timeout();

        /**
         * Delays before the 2nd, 3rd, ... attempt (each ±20 % jitter): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h,
         * 10 h — about 37.5 hours, never less than 30 h with the jitter; a delivery still failing after the last is
         * ABANDONED (and can be replayed).
         */
        @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H,PT10H")
        List<Duration> retrySchedule();

        /** Plain http:// endpoints (local use only). */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Private, loopback or link-local addresses (or host names) that endpoints may nevertheless target, e.g.
         * 127.0.0.1 on the local stack. Everything else in those ranges is refused (server-side request forgery).
         */
        Optional<List<String>> allowedPrivateHosts();

        /** An endpoint whose deliveries have failed without a success for this long is disabled (company e-mailed). */
        @WithDefault("P3D")
        Duration disableAfter();

        /** After a rotation the previous secret keeps signing for this long (both signatures sent). */
        @WithDefault("PT24H")
        Duration secretOverlap();

        /** Requests in flight per endpoint (1 keeps the per-application order); a slow one blocks only itself. */
        @WithDefault("1")
        int perEndpointConcurrency();

        /** Requests in flight per replica, all endpoints together. */
        @WithDefault("64")
        int maxInFlight();

        /** Characters of the receiver's answer kept in the delivery log. */
        @WithDefault("500")
        int responseExcerpt();

        @WithDefault("20")
        int maxEndpointsPerCompany();
    }
}
