package kz.aifc.expat.fee.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** fee-service settings (prefix {@code expat.fee}). */
@ConfigMapping(prefix = "expat.fee")
public interface FeeConfig {

    /** How long a tariff, MRP or calendar answer from catalog-service is served from memory before a refresh. */
    @WithDefault("PT10M")
    Duration catalogCacheTtl();

    /** Upper bound of cached entries per kind (a bounded map: anonymous callers choose the keys). */
    @WithDefault("5000")
    int catalogCacheMaxEntries();

    /** Currency of every amount (the guide prices in tenge). */
    @WithDefault("KZT")
    String currency();

    /** Time zone of the office: "today" and submission dates are taken in it. */
    @WithDefault("Asia/Almaty")
    String timeZone();
}
