package kz.aifc.expat.catalog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import kz.aifc.expat.defaults.outbox.WithoutContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Why the outbox relay sends inside {@link WithoutContext} (service-defaults): in this stack a Uni created inside a JTA
 * transaction resumes that transaction on the thread that completes it — for the relay's Kafka sends, the producer's
 * thread. Under load the relay's commit then found its transaction active on two threads and rolled back
 * (ARJUNA012094 in scheduling-service during the booking benchmark, 25 failed passes in two minutes), so whole batches
 * were sent again. The first test shows the hazard is real here; the second that the relay's way of sending avoids it.
 */
@QuarkusTest
class RelaySendContextTest {

    @Inject
    TransactionManager transactions;

    @Test
    void aUniCreatedInATransactionTakesItToTheThreadThatCompletesIt() throws Exception {
        assertEquals(Status.STATUS_ACTIVE, statusOnTheCompletingThread(false));
    }

    @Test
    void theRelaysWayOfSendingTakesNoTransactionToAnotherThread() throws Exception {
        assertEquals(Status.STATUS_NO_TRANSACTION, statusOnTheCompletingThread(true));
    }

    private int statusOnTheCompletingThread(boolean withoutContext) throws Exception {
        ExecutorService producerThread = Executors.newSingleThreadExecutor();
        AtomicInteger seen = new AtomicInteger(-1);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Supplier<Integer> send = () -> Uni.createFrom().item(1).emitOn(producerThread)
                        .invoke(() -> seen.set(status())).await().atMost(Duration.ofSeconds(10));
                if (withoutContext) {
                    WithoutContext.call(send);
                } else {
                    send.get();
                }
            });
        } finally {
            producerThread.shutdownNow();
        }
        return seen.get();
    }

    private int status() {
        try {
            return transactions.getStatus();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
