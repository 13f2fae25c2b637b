package kz.aifc.expat.defaults.housekeeping;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How long the shared infrastructure tables keep their rows (#17 housekeeping, #18 retention). */
@ConfigMapping(prefix = "expat.housekeeping")
public interface HousekeepingConfig {

    /** How often a pass runs (read by the {@code @Scheduled} expression of {@link Housekeeping}). */
    Duration every();

    /** Published outbox rows: kept for looking into a recent delivery, then deleted (they hold event payloads). */
    Duration publishedOutboxRetention();

    /**
     * Inbox rows, the record that an event was applied. Must exceed the Kafka topics' retention: an event still on a
     * topic may be delivered again (a consumer group reset, a new replica), and only its inbox row makes that a no-op.
     */
    Duration inboxRetention();

    /** Idempotency-Key records: a partner's retry after this is a new request. */
    Duration idempotencyRetention();

    /** Rows deleted per transaction, so a large backlog never holds long locks. */
    int batchSize();
}
