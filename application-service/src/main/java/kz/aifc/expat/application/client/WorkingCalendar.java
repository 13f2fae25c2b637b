package kz.aifc.expat.application.client;

import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;

/**
 * Working days of the office, as catalog-service counts them: the catalog's arithmetic is the only one (its
 * {@code add-working-days} and {@code working-days-between}, with its definitions of 0 days and of a start on a
 * non-working day), answers cached (Caffeine, quarkus-cache, 1 h; cleared when the catalog publishes a calendar
 * change), so that a due date here and a quote's expected completion in fee-service can never differ.
 */
@ApplicationScoped
public class WorkingCalendar {

    public static final String CACHE = "catalog-working-days";

    @Inject
    CatalogGateway catalog;

    /**
     * The {@code days}-th working day after {@code date} (the start day is not counted; before it for negative
     * {@code days}); for 0, the date itself when it is a working day, else the next working day.
     */
    @CacheResult(cacheName = CACHE)
    public LocalDate addWorkingDays(LocalDate date, int days) {
        return catalog.addWorkingDays(date, days);
    }

    /** The working day {@code days} working days before {@code date} (the date itself not counted). */
    @CacheResult(cacheName = CACHE)
    public LocalDate minusWorkingDays(LocalDate date, int days) {
        return catalog.addWorkingDays(date, -days);
    }

    /** Working days in ({@code from}, {@code to}]: 0 when both are equal, negative when to is before from. */
    @CacheResult(cacheName = CACHE)
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return catalog.workingDaysBetween(from, to);
    }

    /** The catalog published a calendar change: every cached answer may be wrong now. */
    @CacheInvalidateAll(cacheName = CACHE)
    public void forget() {
        // the interceptor clears the cache
    }
}
