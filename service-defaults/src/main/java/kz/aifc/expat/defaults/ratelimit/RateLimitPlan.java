package kz.aifc.expat.defaults.ratelimit;

/**
 * The budgets a client draws from. Each has its own limit per period (configuration: {@code expat.rate-limit.*}); a
 * client is a company (company users), a token subject (staff, partner systems) or, without a token, an address.
 */
public enum RateLimitPlan {
    /** Anonymous reads: the catalog, free slots, a visit's calendar file. */
    PUBLIC_READ("public-read"),
    /** A fee quote: each asks the catalog and computes the fee heads. */
    QUOTE("quote"),
    /** A document upload: body spooled, hashed, scanned and stored. */
    UPLOAD("upload"),
    /** A request answered 401 (no token, or one that does not verify): probing and credential guessing. */
    UNAUTHENTICATED("unauthenticated");

    private final String policyName;

    RateLimitPlan(String policyName) {
        this.policyName = policyName;
    }

    /** The name in the {@code RateLimit-Policy} header and in the bucket key. */
    public String policyName() {
        return policyName;
    }
}
