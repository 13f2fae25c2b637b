package kz.aifc.expat.defaults.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.problem.ProblemException;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Token buckets kept in the service's own PostgreSQL (table {@code rate_limit_bucket}, bucket4j's row-lock
 * strategy), so every replica of a service draws from the same budget. A bucket row exists only while its client is
 * below a full budget; rows that have refilled are deleted on a schedule, whichever replica runs it.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final int CLEANUP_BATCH = 1_000;

    @Inject
    DataSource dataSource;

    @Inject
    RateLimitConfig config;

    private PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private RemoteBucketBuilder<String> builder;
    private final Map<RateLimitPlan, BucketConfiguration> plans = new EnumMap<>(RateLimitPlan.class);
    private List<ClientNetworks.Network> exempt;

    /**
     * What a request took from its budget: allowed or not, what is left, and when it is worth trying again.
     * {@code counted} is false when the budget could not be read (the request was let through uncounted).
     */
    public record Decision(RateLimitPlan plan, long limit, Duration period, boolean allowed, long remaining,
                           long secondsToRetry, long secondsToFull, boolean counted) {
    }

    @PostConstruct
    void init() {
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        // No local batching (bucket4j's "delaying" optimisation): every limited request reads and writes its row,
        // so replicas together never exceed a limit. One short row-locked transaction per limited request.
        builder = buckets.builder();
        for (RateLimitPlan plan : RateLimitPlan.values()) {
            RateLimitConfig.Plan limits = config.plan(plan);
            plans.put(plan, BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(limits.limit()).refillGreedy(limits.limit(), limits.period()))
                    .build());
        }
        exempt = ClientNetworks.parse(config.exemptNetworks());
    }

    /** Whether this client address is one of the services' own networks, which are never limited. */
    public boolean isExempt(String clientAddress) {
        return !config.enabled() || ClientNetworks.contains(exempt, clientAddress);
    }

    /**
     * Takes one request from {@code client}'s budget of {@code plan}. Fails open: when the budget cannot be read
     * (database down, table missing) the request is allowed uncounted, because a limiter that refuses everyone
     * during an outage would take down reads that work without the database (the catalog serves from memory).
     */
    public Decision take(RateLimitPlan plan, String client) {
        RateLimitConfig.Plan limits = config.plan(plan);
        String key = plan.policyName() + ":" + client;
        try {
            ConsumptionProbe probe = builder.build(key, () -> plans.get(plan)).tryConsumeAndReturnRemaining(1);
            return new Decision(plan, limits.limit(), limits.period(), probe.isConsumed(),
                    probe.getRemainingTokens(), seconds(probe.getNanosToWaitForRefill()),
                    seconds(probe.getNanosToWaitForReset()), true);
        } catch (RuntimeException e) {
            LOG.warnf("Rate limit '%s' not applied, its budget cannot be read: %s", plan.policyName(), rootMessage(e));
            return new Decision(plan, limits.limit(), limits.period(), true, limits.limit(), 0, 0, false);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Takes one request, or throws the 429 that tells the client how long to wait. */
    public Decision takeOrRefuse(RateLimitPlan plan, String client) {
        Decision decision = take(plan, client);
        if (!decision.allowed()) {
            throw refusal(decision);
        }
        return decision;
    }

    /**
     * Counts a 401 against the client address; once its budget of 401s is used up, the 429 to answer instead.
     * Only refused requests count, so a client with a valid token is never slowed by this budget.
     */
    public Optional<ProblemException> refuseUnauthenticated(String clientAddress) {
        if (isExempt(clientAddress)) {
            return Optional.empty();
        }
        Decision decision = take(RateLimitPlan.UNAUTHENTICATED, "address:" + clientAddress);
        return decision.allowed() ? Optional.empty() : Optional.of(refusal(decision));
    }

    public static ProblemException refusal(Decision decision) {
        ProblemException refused = new ProblemException(429, "rate-limited", "Too many requests",
                "The limit of " + decision.limit() + " requests per " + decision.period().toSeconds()
                        + " s for '" + decision.plan().policyName() + "' is used up; try again in "
                        + decision.secondsToRetry() + " s")
                .header("Retry-After", Long.toString(decision.secondsToRetry()));
        RateLimitHeaders.of(decision).forEach(refused::header);
        return refused;
    }

    @Scheduled(every = "${expat.rate-limit.cleanup-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeFullBuckets() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(CLEANUP_BATCH);
            } while (removed == CLEANUP_BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Rate-limit buckets not cleaned up this time: %s", e.getMessage());
        }
    }

    private static long seconds(long nanos) {
        return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
