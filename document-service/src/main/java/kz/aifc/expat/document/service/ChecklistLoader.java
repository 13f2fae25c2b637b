package kz.aifc.expat.document.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.document.client.CatalogChecklist;
import kz.aifc.expat.document.client.CatalogGateway;
import kz.aifc.expat.document.messaging.Events;
import kz.aifc.expat.document.model.Checklist;

import java.util.List;
import java.util.Optional;

/**
 * Asks the catalog for checklists, always with no transaction open, and hands the answers to
 * {@link ChecklistService}, which writes them under the checklist's lock.
 */
@ApplicationScoped
public class ChecklistLoader {

    @Inject
    CatalogGateway catalog;

    @Inject
    ChecklistService checklists;

    /**
     * The catalog's checklist for a submitted application, asked by the consumer before the inbox transaction opens.
     * Empty when the event is incomplete or the catalog could not answer (then {@link #retryUnloaded} fills it).
     */
    public Optional<CatalogChecklist> catalogFor(Events.ApplicationSubmitted event) {
        if (event.applicationId() == null || event.companyBin() == null || event.serviceCode() == null) {
            return Optional.empty();
        }
        return catalog.checklist(event.serviceCode(), event.profile(), ChecklistService.asOf(event));
    }

    /** Asks the catalog again for checklists it could not deliver at submission. */
    @Scheduled(identity = "checklist-loader", every = "{expat.documents.checklist-retry-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void retryUnloaded() {
        List<Checklist> pending = QuarkusTransaction.requiringNew().call(() -> Checklist
                .<Checklist>find("itemsLoaded = false and closedAt is null order by loadAttempts, createdAt")
                .page(0, 20).list());
        // least-tried first and no early stop: a checklist the catalog keeps refusing (an unknown code, a date before
        // the first version) must not hold back the others; while the catalog is down the breaker answers at once
        for (Checklist unloaded : pending) {
            Optional<CatalogChecklist> answer = catalog.checklist(unloaded.serviceCode,
                    checklists.profile(unloaded), unloaded.asOf);
            checklists.fillIfEmpty(unloaded.applicationId, answer);
        }
    }
}
