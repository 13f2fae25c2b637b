package kz.aifc.expat.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.catalog.messaging.CalendarChanged;
import kz.aifc.expat.catalog.messaging.CatalogPublished;
import kz.aifc.expat.catalog.model.CalendarDay;
import kz.aifc.expat.catalog.model.CatalogVersion;
import kz.aifc.expat.catalog.model.MrpRate;
import kz.aifc.expat.catalog.service.content.CatalogContent;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.problem.Problem;
import kz.aifc.expat.defaults.problem.ProblemException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Admin writes: publish a version, set an MRP year, add/remove calendar days. Each reloads the in-memory store. */
@ApplicationScoped
public class CatalogAdmin {

    /** Arbitrary advisory-lock id serialising version numbering across replicas. */
    private static final long PUBLISH_LOCK = 0x0CA7A106L;

    @Inject
    EntityManager em;

    @Inject
    ContentReader reader;

    @Inject
    Outbox outbox;

    @Inject
    CatalogStore store;

    /** Validates fully, stores the version and records {@code catalog.published} in the same transaction. */
    public CatalogVersion publish(LocalDate effectiveFrom, JsonNode json, String actor) {
        if (effectiveFrom == null) {
            throw ProblemException.badRequest("effectiveFrom", "is required (YYYY-MM-DD)");
        }
        if (effectiveFrom.isBefore(CatalogStore.today())) {
            throw ProblemException.ruleViolated("effective-date-in-past",
                    "effectiveFrom must be today or later (Asia/Almaty); past versions are immutable");
        }
        CatalogContent content = reader.readValid(json);
        if (!content.guide().effectiveFrom().equals(effectiveFrom)) {
            throw ContentReader.invalid(List.of(new Problem.FieldError("content.guide.effectiveFrom",
                    "must equal effectiveFrom " + effectiveFrom)));
        }
        CatalogVersion saved = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(:id)").setParameter("id", PUBLISH_LOCK)
                    .getSingleResult();
            if (CatalogVersion.count("effectiveFrom", effectiveFrom) > 0) {
                throw ProblemException.conflict("version-exists", "A version with this date exists",
                        "A catalogue version effective from " + effectiveFrom + " is already published");
            }
            Number max = (Number) em.createNativeQuery("SELECT coalesce(max(version), 0) FROM catalog_version")
                    .getSingleResult();
            CatalogVersion v = new CatalogVersion();
            v.version = max.intValue() + 1;
            v.effectiveFrom = effectiveFrom;
            v.publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
            v.publishedBy = actor;
            v.content = reader.write(content);
            v.persist();
            outbox.publish(CatalogPublished.TOPIC, CatalogPublished.TYPE, String.valueOf(v.version),
                    new CatalogPublished(v.version, v.effectiveFrom, v.publishedAt));
            return v;
        });
        store.reload();
        return saved;
    }

    public MrpRate setMrp(int year, BigDecimal amount, String source) {
        MrpRate saved = QuarkusTransaction.requiringNew().call(() -> {
            MrpRate rate = MrpRate.findById(year);
            if (rate == null) {
                rate = new MrpRate();
                rate.year = year;
            }
            rate.amount = FeeCalculator.money(amount);
            rate.source = source;
            rate.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            rate.persist();
            return rate;
        });
        store.reload();
        return saved;
    }

    /**
     * Adds or changes an explicit day and records {@code catalog.calendar-changed} in the same transaction, so
     * running cases and booked visits follow the change (application- and scheduling-service consume it).
     */
    public CalendarDay putDay(LocalDate date, boolean working, CalendarDay.Kind kind, String reasonRu,
                              String reasonEn, String source, String actor) {
        CalendarDay saved = QuarkusTransaction.requiringNew().call(() -> {
            CalendarDay day = CalendarDay.findById(date);
            if (day == null) {
                day = new CalendarDay();
                day.date = date;
            }
            day.working = working;
            day.kind = kind;
            day.reasonRu = reasonRu;
            day.reasonEn = reasonEn;
            day.source = source;
            day.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            day.persist();
            outbox.publish(CalendarChanged.TOPIC, CalendarChanged.TYPE, date.toString(),
                    new CalendarChanged(date, working, kind.name(), reasonRu, reasonEn, day.updatedAt, actor));
            return day;
        });
        store.reload();
        return saved;
    }

    /** Removes an explicit day (the weekday rule applies again) and records {@code catalog.calendar-changed}. */
    public void deleteDay(LocalDate date, String actor) {
        boolean weekdayWorking = store.calendar().isWorkingWeekday(date);
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> {
            if (!CalendarDay.deleteById(date)) {
                return false;
            }
            outbox.publish(CalendarChanged.TOPIC, CalendarChanged.TYPE, date.toString(),
                    new CalendarChanged(date, weekdayWorking, weekdayWorking ? "WORKING_DAY" : "WEEKEND", null,
                            null, OffsetDateTime.now(ZoneOffset.UTC), actor));
            return true;
        });
        if (!deleted) {
            throw ProblemException.notFound("Calendar day", date);
        }
        store.reload();
    }
}
