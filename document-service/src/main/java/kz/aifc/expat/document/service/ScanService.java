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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scanning is on by default: a new document is PENDING_SCAN until clamd has read it. The upload itself asks clamd
 * right after its commit ({@link #scanUploaded}), so a company normally sees the verdict in the upload's answer; when
 * clamd is down or slow the document simply stays PENDING_SCAN (not downloadable, not reviewable) and the sweep scans
 * it again from the store. Clean ones become UPLOADED; infected ones become INFECTED and are quarantined: the object
 * stays in the store for officers' records and the retention job, but no one can download it through the API.
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

    /**
     * Scans a just-committed upload from its spool file and returns the document as it stands then; on any scanner
     * failure it stays PENDING_SCAN and the sweep tries again later.
     */
    public Document scanUploaded(Document stored, Path spooled) {
        if (stored.status != DocumentStatus.PENDING_SCAN) {
            return stored;
        }
        try (InputStream content = Files.newInputStream(spooled)) {
            return record(stored.id, scanner.scan(content)).orElse(stored);
        } catch (IOException e) {
            LOG.warnf("scan of document %s postponed: %s", stored.id, e.toString());
            return stored;
        }
    }

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
                scanStored(id);
            } catch (StoreUnavailableException | IOException e) {
                LOG.warnf("scan of document %s postponed: %s", id, e.toString());
                return;
            }
        }
    }

    private void scanStored(UUID documentId) throws IOException {
        String key = QuarkusTransaction.requiringNew().call(() -> {
            Document d = Document.findById(documentId);
            return d == null || d.status != DocumentStatus.PENDING_SCAN ? null : d.objectKey;
        });
        if (key == null) {
            return;
        }
        try (InputStream content = store.get(key)) {
            record(documentId, scanner.scan(content));
        }
    }

    /** Records the verdict; the document as it then stands, or empty when it is gone. */
    private Optional<Document> record(UUID documentId, MalwareScanner.Verdict verdict) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Document d = em.find(Document.class, documentId, LockModeType.PESSIMISTIC_WRITE);
            if (d == null || d.status != DocumentStatus.PENDING_SCAN) {
                return Optional.ofNullable(d); // scanned by the upload and the sweep at once: the first verdict stands
            }
            d.status = verdict.clean() ? DocumentStatus.UPLOADED : DocumentStatus.INFECTED;
            if (!verdict.clean()) {
                d.rejectionReason = "Malware found: " + verdict.finding();
                d.reviewedBy = "malware-scanner";
                d.reviewedAt = OffsetDateTime.now(ZoneOffset.UTC);
                LOG.warnf("document %s is infected (%s) and quarantined", documentId, verdict.finding());
            }
            return Optional.of(d);
        });
    }
}
