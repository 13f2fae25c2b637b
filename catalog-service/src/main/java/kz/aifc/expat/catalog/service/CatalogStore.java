package kz.aifc.expat.catalog.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.catalog.model.CalendarDay;
import kz.aifc.expat.catalog.model.CatalogVersion;
import kz.aifc.expat.catalog.model.MrpRate;
import kz.aifc.expat.defaults.problem.ProblemException;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Everything the reads need, in memory: all published versions, the MRP table and the working calendar. Loaded at
 * start, reloaded right after a local write and, for writes on other replicas, when a cheap fingerprint of the
 * tables changes (checked every few seconds). Reads never touch the database.
 */
@ApplicationScoped
public class CatalogStore {

    private static final Logger LOG = Logger.getLogger(CatalogStore.class);
    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    /** An immutable view of the reference data at one moment. */
    public record Snapshot(List<LoadedVersion> versions, NavigableMap<Integer, BigDecimal> mrp,
                           WorkingCalendar calendar, String fingerprint) {
    }

    @Inject
    EntityManager em;

    @Inject
    ContentReader reader;

    @Inject
    CatalogSeeder seeder;

    private volatile Snapshot snapshot;
    /** Derived values (serialized responses) of the current snapshot; bounded, evicting the least used first. */
    private final Cache<String, Object> memo = Caffeine.newBuilder().maximumSize(20_000).build();

    void onStart(@Observes @Priority(10) StartupEvent start) {
        seeder.seedIfEmpty();
        reload();
    }

    public Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            throw ProblemException.unavailable("The catalogue is still loading");
        }
        return s;
    }

    /** Memoises a derived value (e.g. a serialized response) until the next reload. */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, Supplier<T> compute) {
        return (T) memo.get(key, k -> compute.get());
    }

    @Scheduled(every = "${catalog.refresh-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshIfChanged() {
        try {
            String current = QuarkusTransaction.requiringNew().call(this::fingerprint);
            Snapshot s = snapshot;
            if (s == null || !s.fingerprint().equals(current)) {
                reload();
            }
        } catch (RuntimeException e) {
            LOG.warnf("catalogue refresh check failed, serving the data in memory: %s", e.toString());
        }
    }

    public synchronized void reload() {
        Snapshot loaded = QuarkusTransaction.requiringNew().call(this::load);
        snapshot = loaded;
        memo.invalidateAll();
        LOG.infof("catalogue loaded: %d version(s), MRP years %s, %d calendar entries", loaded.versions().size(),
                loaded.mrp().keySet(), loaded.calendar().entries().size());
    }

    private Snapshot load() {
        String fingerprint = fingerprint();
        List<LoadedVersion> versions = CatalogVersion.<CatalogVersion>listAll().stream()
                .map(v -> LoadedVersion.of(v.version, v.effectiveFrom, v.publishedAt, v.publishedBy,
                        reader.parseStored(v.content)))
                .sorted(Comparator.comparing(LoadedVersion::effectiveFrom))
                .toList();
        NavigableMap<Integer, BigDecimal> mrp = new TreeMap<>();
        MrpRate.<MrpRate>listAll().forEach(r -> mrp.put(r.year, FeeCalculator.money(r.amount)));
        Map<LocalDate, WorkingCalendar.Day> days = new LinkedHashMap<>();
        CalendarDay.<CalendarDay>listAll().forEach(d -> days.put(d.date,
                new WorkingCalendar.Day(d.date, d.working, d.kind.name(), d.reasonRu, d.reasonEn)));
        Set<DayOfWeek> weekdays = versions.isEmpty()
                ? Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)
                : new HashSet<>(current(versions).content().office().workingDays());
        return new Snapshot(versions, mrp, new WorkingCalendar(days, weekdays), fingerprint);
    }

    private String fingerprint() {
        Object result = em.createNativeQuery("SELECT (SELECT coalesce(max(version), 0) FROM catalog_version)"
                + " || ':' || (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM calendar_day)"
                + " || ':' || (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM mrp_rate)"
                + " || ':' || (SELECT coalesce(sum(amount), 0) FROM mrp_rate)").getSingleResult();
        return String.valueOf(result);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private static LoadedVersion current(List<LoadedVersion> versions) {
        LocalDate today = today();
        LoadedVersion inForce = null;
        for (LoadedVersion v : versions) {
            if (!v.effectiveFrom().isAfter(today)) {
                inForce = v;
            }
        }
        return inForce != null ? inForce : versions.get(0);
    }

    /**
     * The version to read: an explicit {@code version}, else the one in force on {@code asOf}, else the one in
     * force today (or, before the first version takes effect, the first version).
     */
    public LoadedVersion select(LocalDate asOf, Integer version) {
        List<LoadedVersion> versions = snapshot().versions();
        if (versions.isEmpty()) {
            throw ProblemException.unavailable("No catalogue version is published yet");
        }
        if (version != null) {
            return versions.stream().filter(v -> v.version() == version).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Catalogue version", version));
        }
        if (asOf == null) {
            return current(versions);
        }
        LoadedVersion inForce = null;
        for (LoadedVersion v : versions) {
            if (!v.effectiveFrom().isAfter(asOf)) {
                inForce = v;
            }
        }
        if (inForce == null) {
            throw new ProblemException(404, "not-found", "No catalogue version in force",
                    "No catalogue version is in force on " + asOf + "; the first takes effect on "
                            + versions.get(0).effectiveFrom());
        }
        return inForce;
    }

    /** The MRP of {@code year}, or of the latest earlier year when that year is not set yet. */
    public Optional<Map.Entry<Integer, BigDecimal>> mrp(int year) {
        return Optional.ofNullable(snapshot().mrp().floorEntry(year));
    }

    public WorkingCalendar calendar() {
        return snapshot().calendar();
    }
}
