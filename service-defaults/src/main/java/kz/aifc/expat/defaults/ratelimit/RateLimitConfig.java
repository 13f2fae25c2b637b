package kz.aifc.expat.defaults.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Rate limits of anonymous and expensive endpoints (#14.18). Defaults in service-defaults' configuration. */
@ConfigMapping(prefix = "expat.rate-limit")
public interface RateLimitConfig {

    /** Off only for a benchmark of the bare service. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Callers from these networks (CIDR or single address) are never limited: the services' own calls to each other
     * (which reach the catalog without a token). Public clients arrive through the ingress, whose X-Forwarded-For
     * is honoured only from {@code quarkus.http.proxy.trusted-proxies}, so they never look internal.
     */
    List<String> exemptNetworks();

    /** How often rows of buckets that have refilled completely (and so hold no information) are deleted. */
    @WithDefault("60s")
    Duration cleanupEvery();

    Plan publicRead();

    Plan quote();

    Plan upload();

    Plan unauthenticated();

    default Plan plan(RateLimitPlan plan) {
        return switch (plan) {
            case PUBLIC_READ -> publicRead();
            case QUOTE -> quote();
            case UPLOAD -> upload();
            case UNAUTHENTICATED -> unauthenticated();
        };
    }

    interface Plan {
        /** Requests a client may make per period; the budget refills continuously over the period. */
        long limit();

        Duration period();
    }
}
