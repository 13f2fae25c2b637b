package kz.aifc.expat.document.storage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.defaults.problem.ProblemException;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Stores a received file under a server-generated key and commits its metadata only after the object is stored:
 * note the key as pending → store (one store slot, bounded wait) → commit the metadata and remove the pending note
 * in one transaction. Any failure after the object was written deletes it; if even that fails, the pending note
 * lets the orphan sweeper delete it later.
 */
@ApplicationScoped
public class ObjectWriter {

    private static final Logger LOG = Logger.getLogger(ObjectWriter.class);

    @Inject
    ObjectStore store;

    @Inject
    EntityManager em;

    /** {@code commit} runs in a new transaction after the object is stored; it must call {@link #forgetPendingIn}. */
    public <T> T store(String key, FileReceiver.Received received, Supplier<T> commit) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "INSERT INTO pending_object (object_key, created_at) VALUES (:k, :at)")
                .setParameter("k", key).setParameter("at", OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate());
        try {
            store.putFile(key, received.file, received.type.mediaType());
        } catch (StoreBusyException e) {
            forgetPending(key);
            throw ProblemException.unavailable("Every upload slot of the document store is busy; nothing was kept, "
                    + "try again in a few seconds");
        } catch (StoreUnavailableException e) {
            LOG.warnf("upload of %s failed: %s", key, e.getCause() != null ? e.getCause() : e);
            discard(key);
            throw ProblemException.unavailable("The document store is unavailable; nothing was kept, try again");
        }
        try {
            return QuarkusTransaction.requiringNew().call(commit::get);
        } catch (RuntimeException e) {
            // metadata was not committed: the object must not outlive it (the pending note still names it)
            discard(key);
            throw e;
        }
    }

    /** Inside the commit transaction: the object now has metadata, so it is no longer an orphan candidate. */
    public void forgetPendingIn(String key) {
        em.createNativeQuery("DELETE FROM pending_object WHERE object_key = :k").setParameter("k", key)
                .executeUpdate();
    }

    private void discard(String key) {
        if (store.removeQuietly(key)) {
            forgetPending(key);
        }
    }

    private void forgetPending(String key) {
        try {
            QuarkusTransaction.requiringNew().run(() -> forgetPendingIn(key));
        } catch (RuntimeException e) {
            LOG.warnf("pending note of %s left for the sweeper: %s", key, e.toString());
        }
    }
}
