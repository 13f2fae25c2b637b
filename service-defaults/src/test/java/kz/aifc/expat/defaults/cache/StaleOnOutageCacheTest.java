package kz.aifc.expat.defaults.cache;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of the serve-stale cache, with a hand-driven clock (no waiting on time, no timing assertions). */
class StaleOnOutageCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final StaleOnOutageCache<String, String> cache = new StaleOnOutageCache<>(Duration.ofMinutes(10), 3,
            now::get, e -> e instanceof UncheckedIOException);

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    private static String down(String key) {
        throw new UncheckedIOException(new IOException("source down"));
    }

    @Test
    void freshEntriesAreServedFromMemory() {
        assertEquals("a#1", cache.get("a", this::load));
        now.addAndGet(Duration.ofMinutes(9).toNanos());
        assertEquals("a#1", cache.get("a", this::load));
        assertEquals(1, loads.get());
    }

    @Test
    void expiredEntriesAreReloaded() {
        cache.get("a", this::load);
        now.addAndGet(Duration.ofMinutes(11).toNanos());
        assertEquals("a#2", cache.get("a", this::load));
        assertNull(cache.getIfFresh("b"));
    }

    @Test
    void staleEntryIsServedWhileTheSourceIsDown() {
        cache.get("a", this::load);
        now.addAndGet(Duration.ofMinutes(11).toNanos());
        assertEquals("a#1", cache.get("a", StaleOnOutageCacheTest::down));
        assertNull(cache.getIfFresh("a"));
        assertEquals("a#1", cache.getEvenIfStale("a"));
    }

    @Test
    void nothingCachedAndSourceDownPropagates() {
        assertThrows(UncheckedIOException.class, () -> cache.get("a", StaleOnOutageCacheTest::down));
    }

    @Test
    void aRefusalIsNotHiddenByAStaleEntry() {
        cache.get("a", this::load);
        now.addAndGet(Duration.ofMinutes(11).toNanos());
        assertThrows(IllegalArgumentException.class, () -> cache.get("a", k -> {
            throw new IllegalArgumentException("unknown service");
        }));
    }

    @Test
    void invalidationDropsEverythingOrOneKey() {
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.invalidate("a");
        assertEquals("a#3", cache.get("a", this::load));
        assertEquals("b#2", cache.get("b", this::load));
        cache.invalidateAll();
        assertEquals("b#4", cache.get("b", this::load));
    }

    @Test
    void aLoadThatRacedAnInvalidationIsNotKept() {
        assertEquals("a#1", cache.get("a", k -> {
            String value = load(k);
            cache.invalidateAll(); // a catalog.published arrived while this load was in flight
            return value;
        }));
        assertEquals("a#2", cache.get("a", this::load));
    }

    /**
     * Two callers miss "a" at once: the first one's load ({@code firstLoad}) is held until the second one is parked
     * waiting for it (its thread in WAITING), then released.
     */
    private record Race(Future<String> first, Future<String> second) {
    }

    private Race twoCallersMiss(java.util.function.Function<String, String> firstLoad, ExecutorService pool)
            throws InterruptedException {
        CountDownLatch loaderEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = pool.submit(() -> cache.get("a", k -> {
            loaderEntered.countDown();
            await(release);
            return firstLoad.apply(k);
        }));
        assertTrue(loaderEntered.await(10, TimeUnit.SECONDS));
        java.util.concurrent.atomic.AtomicReference<Thread> waiter = new java.util.concurrent.atomic.AtomicReference<>();
        Future<String> second = pool.submit(() -> {
            waiter.set(Thread.currentThread());
            return cache.get("a", this::load);
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waiter.get() == null || waiter.get().getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < deadline, "the second caller never waited for the first load");
            Thread.onSpinWait();
        }
        release.countDown();
        return new Race(first, second);
    }

    @Test
    void concurrentMissesOfOneKeyShareOneLoad() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Race race = twoCallersMiss(this::load, pool);
            assertEquals("a#1", race.first().get(10, TimeUnit.SECONDS));
            assertEquals("a#1", race.second().get(10, TimeUnit.SECONDS));
            assertEquals(1, loads.get(), "the source was asked once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWaiterGetsTheFailureOfTheLoadItWaitedFor() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Race race = twoCallersMiss(StaleOnOutageCacheTest::down, pool);
            assertTrue(assertThrows(ExecutionException.class, () -> race.first().get(10, TimeUnit.SECONDS))
                    .getCause() instanceof UncheckedIOException);
            // the waiter either shared the failed load or, arriving after it, loaded itself: never a hang
            try {
                assertEquals("a#1", race.second().get(10, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                assertTrue(e.getCause() instanceof UncheckedIOException, e.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCacheIsBoundedWithoutDroppingEverything() {
        for (String key : new String[] {"a", "b", "c", "d", "e"}) {
            cache.get(key, this::load);
        }
        long size = cache.size();
        assertTrue(size <= 3 && size >= 2, "bounded by maxEntries, evicting one by one (size " + size + ")");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
