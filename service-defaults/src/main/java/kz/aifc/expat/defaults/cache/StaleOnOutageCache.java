package kz.aifc.expat.defaults.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A read-through cache (Caffeine) for answers of another service: a fresh entry is served from memory; an entry
 * older than the TTL is loaded again, and if that load fails because the source is down ({@code sourceDown}) the
 * stale entry is served instead; every other failure (a refusal such as an unknown code) propagates, stale entry or
 * not. Concurrent misses of one key share one load. The bound evicts the least valuable entries (Caffeine's policy);
 * an answer whose load started before {@link #invalidateAll()} is returned to its caller but never kept.
 * Quarkus' {@code @CacheResult} serves the simpler case (no stale answers); this is the one shape for the other.
 */
public final class StaleOnOutageCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final Cache<K, Entry<V>> entries;
    /** loads in flight, so that concurrent misses of a key wait for one load instead of each asking the source */
    private final ConcurrentMap<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Predicate<RuntimeException> sourceDown;

    /**
     * @param nanoClock  {@code System::nanoTime} in production; tests drive their own clock
     * @param sourceDown which load failures mean "the source cannot answer now" (serve stale) rather than a refusal
     */
    public StaleOnOutageCache(Duration ttl, long maxEntries, LongSupplier nanoClock,
            Predicate<RuntimeException> sourceDown) {
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
        this.sourceDown = sourceDown;
        // the caller's thread does Caffeine's maintenance (eviction), so the bound holds as soon as a put returns
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
    }

    public V get(K key, Function<K, V> loader) {
        Entry<V> hit = entries.getIfPresent(key);
        if (hit != null && fresh(hit)) {
            return hit.value();
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            long startedIn = generation.get();
            V value;
            try {
                value = loader.apply(key);
            } catch (RuntimeException e) {
                if (hit != null && sourceDown.test(e)) {
                    mine.complete(hit.value()); // stale but better than nothing while the source is down
                    return hit.value();
                }
                mine.completeExceptionally(e);
                throw e;
            }
            if (generation.get() == startedIn) {
                entries.put(key, new Entry<>(value, nanoClock.getAsLong()));
            }
            mine.complete(value);
            return value;
        } finally {
            loading.remove(key, mine);
        }
    }

    /** Stores an answer obtained otherwise (e.g. one range request that answers many keys). */
    public void put(K key, V value) {
        entries.put(key, new Entry<>(value, nanoClock.getAsLong()));
    }

    /** The entry only while it is fresh; null otherwise. */
    public V getIfFresh(K key) {
        Entry<V> hit = entries.getIfPresent(key);
        return hit != null && fresh(hit) ? hit.value() : null;
    }

    /** The entry, fresh or stale, without loading (what is known while the source is down); null if none. */
    public V getEvenIfStale(K key) {
        Entry<V> hit = entries.getIfPresent(key);
        return hit == null ? null : hit.value();
    }

    public void invalidate(K key) {
        generation.incrementAndGet();
        entries.invalidate(key);
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private boolean fresh(Entry<V> entry) {
        return nanoClock.getAsLong() - entry.loadedAt() < ttlNanos;
    }

    private static <V> V await(CompletableFuture<V> load) {
        try {
            return load.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // the same failure the loading caller got
            }
            throw e;
        }
    }
}
