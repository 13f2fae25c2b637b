package kz.aifc.expat.defaults.outbox;

import io.smallrye.context.SmallRyeContextManagerProvider;
import io.smallrye.context.SmallRyeThreadContext;

import java.util.function.Supplier;

/**
 * Runs a step whose asynchronous work must not carry this thread's contexts. Mutiny captures the caller's contexts
 * (the JTA transaction among them) when a {@code Uni} is created and restores them on whichever thread completes it;
 * for the outbox relay that is the Kafka producer's thread, and a commit that finds the transaction still active on
 * a second thread rolls back (ARJUNA012094, smallrye-reactive-messaging#2551), so the batch is sent again.
 */
public final class WithoutContext {

    private WithoutContext() {
    }

    /** {@code step}'s value; every Uni created inside it propagates no context. */
    public static <T> T call(Supplier<T> step) {
        return SmallRyeThreadContext.withThreadContext(
                SmallRyeContextManagerProvider.getManager().allClearedThreadContext(), step);
    }
}
