package kz.aifc.expat.document.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.document.config.DocumentsConfig;
import kz.aifc.expat.document.model.Checklist;
import kz.aifc.expat.document.model.Document;
import kz.aifc.expat.document.model.Requirement;
import kz.aifc.expat.document.model.RetentionAudit;
import kz.aifc.expat.document.storage.ObjectStore;
import kz.aifc.expat.document.storage.StoreUnavailableException;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Personal-data minimisation: documents (objects and metadata) of applications closed longer than the retention
 * period are deleted, each with an audit record of what was deleted and when.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    DocumentsConfig config;

    @Inject
    ObjectStore store;

    @Scheduled(identity = "retention", every = "{expat.documents.retention-sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        purgeClosedBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()));
    }

    /** Returns how many document versions were deleted. */
    public int purgeClosedBefore(OffsetDateTime cutoff) {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Checklist
                .<Checklist>find("closedAt < ?1 and purgedAt is null order by closedAt", cutoff)
                .page(0, 50).list().stream().map(c -> c.id).toList());
        int deleted = 0;
        for (UUID checklistId : due) {
            List<Document> documents = QuarkusTransaction.requiringNew().call(() -> Document.ofChecklist(checklistId));
            try {
                // objects first: if the metadata transaction then fails, the next run deletes (idempotently) again
                documents.forEach(d -> store.remove(d.objectKey));
            } catch (StoreUnavailableException e) {
                LOG.warnf("retention of checklist %s postponed, store unavailable: %s", checklistId, e.getCause());
                return deleted;
            }
            deleted += QuarkusTransaction.requiringNew().call(() -> purgeMetadata(checklistId));
        }
        return deleted;
    }

    private int purgeMetadata(UUID checklistId) {
        Checklist checklist = Checklist.findById(checklistId);
        Map<UUID, Requirement> requirements = Requirement.ofChecklist(checklistId).stream()
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Document> documents = Document.ofChecklist(checklistId);
        for (Document d : documents) {
            RetentionAudit audit = new RetentionAudit();
            audit.id = UUID.randomUUID();
            audit.applicationId = checklist.applicationId;
            audit.companyBin = checklist.companyBin;
            audit.documentId = d.id;
            audit.documentCode = requirements.get(d.requirementId).documentCode;
            audit.version = d.version;
            audit.objectKey = d.objectKey;
            audit.sha256 = d.sha256;
            audit.size = d.size;
            audit.closedAt = checklist.closedAt;
            audit.deletedAt = now;
            audit.persist();
            d.delete();
        }
        checklist.purgedAt = now;
        LOG.infof("retention: deleted %d document version(s) of application %s closed at %s", documents.size(),
                checklist.applicationId, checklist.closedAt);
        return documents.size();
    }
}
