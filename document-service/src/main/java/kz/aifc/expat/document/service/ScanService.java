package kz.aifc.expat.document.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import kz.aifc.expat.document.config.DocumentsConfig;
import kz.aifc.expat.document.model.Document;
import kz.aifc.expat.document.model.DocumentStatus;
import kz.aifc.expat.document.storage.ObjectStore;
import kz.aifc.expat.document.storage.StoreUnavailableException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * When scanning is enabled, new documents stay PENDING_SCAN until the scanner has read them: clean ones become
 * UPLOADED (reviewable, downloadable); infected ones become INFECTED and their object is deleted.
 */
@ApplicationScoped
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);

    @Inject
    DocumentsConfig config;

    @Inject
    MalwareScanner scanner;

    @Inject
    ObjectStore store;

    @Inject
    EntityManager em;

    @Scheduled(identity = "malware-scan", every = "{expat.documents.scan.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void scanPending() {
        if (!config.scan().enabled()) {
            return;
        }
        List<UUID> pending = QuarkusTransaction.requiringNew().call(() -> Document
                .<Document>find("status = ?1 order by uploadedAt", DocumentStatus.PENDING_SCAN)
                .page(0, 20).list().stream().map(d -> d.id).toList());
        for (UUID id : pending) {
            try {
                scan(id);
            } catch (StoreUnavailableException | IOException e) {
                LOG.warnf("scan of document %s postponed: %s", id, e.toString());
                return;
            }
        }
    }

    private void scan(UUID documentId) throws IOException {
        String key = QuarkusTransaction.requiringNew().call(() -> {
            Document d = Document.findById(documentId);
            return d == null ? null : d.objectKey;
        });
        if (key == null) {
            return;
        }
        MalwareScanner.Verdict verdict;
        try (InputStream content = store.get(key)) {
            verdict = scanner.scan(content);
        }
        boolean infected = QuarkusTransaction.requiringNew().call(() -> {
            Document d = em.find(Document.class, documentId, LockModeType.PESSIMISTIC_WRITE);
            if (d == null || d.status != DocumentStatus.PENDING_SCAN) {
                return false;
            }
            d.status = verdict.clean() ? DocumentStatus.UPLOADED : DocumentStatus.INFECTED;
            if (!verdict.clean()) {
                d.rejectionReason = "Malware found: " + verdict.finding();
                d.reviewedBy = "malware-scanner";
                d.reviewedAt = OffsetDateTime.now(ZoneOffset.UTC);
            }
            return !verdict.clean();
        });
        if (infected) {
            LOG.warnf("document %s is infected (%s); its object is deleted", documentId, verdict.finding());
            store.removeQuietly(key);
        }
    }
}
