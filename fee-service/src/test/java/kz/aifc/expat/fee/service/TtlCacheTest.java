package kz.aifc.expat.fee.service;

import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The tariff cache's rules, with a hand-driven clock (no waiting, no timing assertions). */
class TtlCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final TtlCache<String, String> cache = new TtlCache<>(Duration.ofMinutes(10), 3, now::get,
            e -> e instanceof ProcessingException);

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
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
    }

    @Test
    void staleEntryIsServedWhileTheSourceIsDown() {
        cache.get("a", this::load);
        now.addAndGet(Duration.ofMinutes(11).toNanos());
        assertEquals("a#1", cache.get("a", k -> {
            throw new ProcessingException("catalog down");
        }));
    }

    @Test
    void nothingCachedAndSourceDownPropagates() {
        assertThrows(ProcessingException.class, () -> cache.get("a", k -> {
            throw new ProcessingException("catalog down");
        }));
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
    void invalidationDropsEverything() {
        cache.get("a", this::load);
        cache.invalidateAll();
        assertEquals("a#2", cache.get("a", this::load));
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

    @Test
    void theCacheIsBounded() {
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.get("c", this::load);
        cache.get("d", this::load);
        assertEquals(1, cache.size());
    }
}
