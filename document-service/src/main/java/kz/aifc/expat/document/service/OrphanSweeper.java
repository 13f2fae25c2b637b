package kz.aifc.expat.document.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.document.config.DocumentsConfig;
import kz.aifc.expat.document.storage.ObjectStore;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deletes objects whose metadata never committed: every upload notes its key in pending_object before writing and
 * removes the note in the metadata transaction, so an old note names an orphan (crash, store or database failure).
 */
@ApplicationScoped
public class OrphanSweeper {

    private static final Logger LOG = Logger.getLogger(OrphanSweeper.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectStore store;

    @Inject
    DocumentsConfig config;

    @Scheduled(identity = "orphan-sweeper", every = "{expat.documents.orphan-sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        sweepOlderThan(OffsetDateTime.now(ZoneOffset.UTC).minus(config.orphanAge()));
    }

    /** Returns how many orphans were deleted. */
    @SuppressWarnings("unchecked")
    public int sweepOlderThan(OffsetDateTime cutoff) {
        List<String> keys = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT object_key FROM pending_object WHERE created_at < :cutoff ORDER BY created_at LIMIT 200")
                .setParameter("cutoff", cutoff).getResultList());
        int deleted = 0;
        for (String key : keys) {
            boolean committed = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM document WHERE object_key = :k").setParameter("k", key)
                    .getSingleResult()).longValue() > 0);
            if (!committed && !store.removeQuietly(key)) {
                return deleted; // store down: try again at the next sweep
            }
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "DELETE FROM pending_object WHERE object_key = :k").setParameter("k", key).executeUpdate());
            if (!committed) {
                deleted++;
                LOG.infof("deleted orphan object %s", key);
            }
        }
        return deleted;
    }
}
