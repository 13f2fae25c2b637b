package kz.aifc.expat.document.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kz.aifc.expat.document.config.DocumentsConfig;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The S3-compatible object store (MinIO SDK). Every failure to reach it surfaces as {@link StoreUnavailableException},
 * which the REST layer answers with 503.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    @Inject
    MinioClient minio;

    @Inject
    DocumentsConfig config;

    private volatile boolean bucketReady;
    private Semaphore storeSlots;

    void onStart(@Observes StartupEvent start) {
        storeSlots = new Semaphore(Math.max(1, config.maxConcurrentStores()), true);
        try {
            ensureBucket();
        } catch (RuntimeException e) {
            LOG.warnf("object store not reachable at start-up (%s); the bucket is checked again on first use",
                    e.toString());
        }
    }

    public String bucket() {
        return config.bucket();
    }

    /** Creates the bucket if it is missing. */
    public void ensureBucket() {
        if (bucketReady) {
            return;
        }
        try {
            if (!minio.bucketExists(BucketExistsArgs.builder().bucket(bucket()).build())) {
                minio.makeBucket(MakeBucketArgs.builder().bucket(bucket()).build());
                LOG.infof("created bucket %s", bucket());
            }
            bucketReady = true;
        } catch (ErrorResponseException e) {
            if ("BucketAlreadyOwnedByYou".equals(e.errorResponse().code())
                    || "BucketAlreadyExists".equals(e.errorResponse().code())) {
                bucketReady = true;
                return;
            }
            throw new StoreUnavailableException("bucket " + bucket() + " cannot be prepared", e);
        } catch (Exception e) {
            throw new StoreUnavailableException("object store unreachable", e);
        }
    }

    /** True when the store answers for our bucket (readiness). */
    public boolean reachable() {
        try {
            return minio.bucketExists(BucketExistsArgs.builder().bucket(bucket()).build());
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Stores a complete local file (an upload received in full) under {@code key}. At most
     * {@code maxConcurrentStores} files stream to the store at once; a caller waits at most {@code storeSlotWait} for
     * a slot and then gets {@link StoreBusyException} (503 + Retry-After) rather than queueing without bound.
     */
    public void putFile(String key, Path file, String contentType) {
        ensureBucket();
        boolean acquired = false;
        try {
            acquired = storeSlots.tryAcquire(config.storeSlotWait().toMillis(), TimeUnit.MILLISECONDS);
            if (!acquired) {
                throw new StoreBusyException();
            }
            minio.uploadObject(UploadObjectArgs.builder().bucket(bucket()).object(key)
                    .filename(file.toString(), config.partSize().asLongValue())
                    .contentType(contentType).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while storing", e);
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreUnavailableException("object " + key + " could not be stored", e);
        } finally {
            if (acquired) {
                storeSlots.release();
            }
        }
    }

    public InputStream get(String key) {
        try {
            GetObjectResponse response = minio.getObject(GetObjectArgs.builder().bucket(bucket()).object(key).build());
            return response;
        } catch (Exception e) {
            throw new StoreUnavailableException("object " + key + " could not be read", e);
        }
    }

    public boolean exists(String key) {
        try {
            minio.statObject(StatObjectArgs.builder().bucket(bucket()).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                return false;
            }
            throw new StoreUnavailableException("object " + key + " could not be checked", e);
        } catch (Exception e) {
            throw new StoreUnavailableException("object " + key + " could not be checked", e);
        }
    }

    /** Deletes an object; deleting a missing object succeeds (S3 semantics). */
    public void remove(String key) {
        try {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket()).object(key).build());
        } catch (Exception e) {
            throw new StoreUnavailableException("object " + key + " could not be deleted", e);
        }
    }

    /** Best effort delete for clean-up paths: false when the store could not be reached (the sweeper retries). */
    public boolean removeQuietly(String key) {
        try {
            remove(key);
            return true;
        } catch (StoreUnavailableException e) {
            LOG.warnf("could not delete %s now (%s); the orphan sweeper will", key, e.getCause());
            return false;
        }
    }
}
