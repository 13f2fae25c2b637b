package kz.aifc.expat.fee.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.cache.StaleOnOutageCache;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.problem.ProblemMappers;
import kz.aifc.expat.fee.client.CatalogClient;
import kz.aifc.expat.fee.client.CatalogRefusedException;
import kz.aifc.expat.fee.client.FeeSchedule;
import kz.aifc.expat.fee.config.FeeConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;

/**
 * Tariffs, MRP and calendar answers of catalog-service, served from memory. Entries live for
 * {@code expat.fee.catalog-cache-ttl} and are dropped on every {@code catalog.published} event; while the catalog is
 * down the last known answer is served, and with nothing cached the caller gets a 503 problem.
 */
@ApplicationScoped
public class TariffCatalog {

    private static final Logger LOG = Logger.getLogger(TariffCatalog.class);

    private record FeeKey(String serviceCode, LocalDate asOf, String acceptLanguage) {
    }

    private record DaysKey(LocalDate date, int days) {
    }

    @Inject
    @RestClient
    CatalogClient client;

    @Inject
    FeeConfig config;

    private StaleOnOutageCache<FeeKey, FeeSchedule> fees;
    private StaleOnOutageCache<DaysKey, LocalDate> addedDays;

    @PostConstruct
    void init() {
        fees = new StaleOnOutageCache<>(config.catalogCacheTtl(), config.catalogCacheMaxEntries(), System::nanoTime,
                ProblemMappers::isDependencyDown);
        addedDays = new StaleOnOutageCache<>(config.catalogCacheTtl(), config.catalogCacheMaxEntries(),
                System::nanoTime, ProblemMappers::isDependencyDown);
    }

    /**
     * The service's tariffs in force on {@code asOf}, texts in the first of {@code languages} the catalog serves
     * entirely ({@code language} of the answer says which); 404 problem for a code the catalog does not know.
     */
    public FeeSchedule fees(String serviceCode, LocalDate asOf, List<Lang> languages) {
        String header = Lang.header(languages);
        return call(() -> fees.get(new FeeKey(serviceCode, asOf, header), k -> client.fees(k.serviceCode(),
                k.asOf().toString(), k.acceptLanguage())), "Service", serviceCode);
    }

    /** The language a schedule's texts are in (an older catalog without the field: the first language asked). */
    public static Lang languageOf(FeeSchedule schedule, List<Lang> asked) {
        Lang served = Lang.ofTag(schedule.language());
        return served != null ? served : asked.get(0) == Lang.KK ? Lang.RU : asked.get(0);
    }


    /** The date {@code days} working days after {@code date} on the office calendar (catalog semantics). */
    public LocalDate addWorkingDays(LocalDate date, int days) {
        return call(() -> addedDays.get(new DaysKey(date, days),
                k -> client.addWorkingDays(k.date().toString(), k.days()).result()), "Calendar date", date);
    }

    public void invalidateAll() {
        fees.invalidateAll();
        addedDays.invalidateAll();
        LOG.info("tariff cache invalidated");
    }

    /** A calendar day changed: working-day answers may differ now (tariffs do not). */
    public void invalidateCalendar() {
        addedDays.invalidateAll();
        LOG.info("calendar cache invalidated");
    }

    private static <T> T call(java.util.function.Supplier<T> action, String what, Object id) {
        try {
            return action.get();
        } catch (CatalogRefusedException e) {
            if (e.status() == 404) {
                throw ProblemException.notFound(what, id);
            }
            throw ProblemException.ruleViolated("catalog-refused", e.getMessage());
        } catch (RuntimeException e) {
            if (ProblemMappers.isDependencyDown(e)) {
                LOG.warnf("catalog-service unavailable and nothing cached for %s %s: %s", what, id, e.toString());
                ProblemException problem = ProblemException.unavailable("The tariff catalog cannot be reached and "
                        + "no tariff for this request is cached; try again shortly");
                problem.initCause(e); // lets the inbox recognise "dependency down" and retry instead of dead-lettering
                throw problem;
            }
            throw e;
        }
    }
}
