package kz.aifc.expat.fee.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A small read-through cache for catalog answers: fresh entries are served from memory; an expired entry is
 * reloaded, and if the reload fails because the source is down the stale value is served instead. Failures that
 * are the caller's fault (e.g. an unknown code) propagate. {@link #invalidateAll()} drops everything; a load that
 * started before the invalidation does not store its (possibly outdated) result.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier clock;
    private final Predicate<RuntimeException> sourceDown;

    public TtlCache(Duration ttl, int maxEntries, LongSupplier nanoClock, Predicate<RuntimeException> sourceDown) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.clock = nanoClock;
        this.sourceDown = sourceDown;
    }

    public V get(K key, Function<K, V> loader) {
        Entry<V> entry = entries.get(key);
        long now = clock.getAsLong();
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return entry.value();
        }
        long startedIn = generation.get();
        V value;
        try {
            value = loader.apply(key);
        } catch (RuntimeException e) {
            if (entry != null && sourceDown.test(e)) {
                return entry.value(); // stale but better than nothing while the source is down
            }
            throw e;
        }
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            entries.clear(); // crude bound: callers (even anonymous ones) choose the keys
        }
        if (generation.get() == startedIn) {
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
