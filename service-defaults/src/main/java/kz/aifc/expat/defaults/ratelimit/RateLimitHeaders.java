package kz.aifc.expat.defaults.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The budget as HTTP headers, in the IETF draft's structured form (draft-ietf-httpapi-ratelimit-headers-09):
 * {@code RateLimit-Policy: "quote";q=60;w=60} (quota q per window of w seconds) and
 * {@code RateLimit: "quote";r=12;t=48} (r requests left, t seconds until the budget is full again; when r is 0,
 * t is the wait until the next request is allowed, as in Retry-After).
 */
public final class RateLimitHeaders {

    public static final String POLICY = "RateLimit-Policy";
    public static final String STATE = "RateLimit";

    private RateLimitHeaders() {
    }

    public static Map<String, String> of(RateLimiter.Decision decision) {
        String name = "\"" + decision.plan().policyName() + "\"";
        long reset = decision.allowed() && decision.remaining() > 0 ? decision.secondsToFull()
                : Math.max(decision.secondsToRetry(), 1);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(POLICY, name + ";q=" + decision.limit() + ";w=" + decision.period().toSeconds());
        headers.put(STATE, name + ";r=" + Math.max(0, decision.remaining()) + ";t=" + reset);
        return headers;
    }
}
