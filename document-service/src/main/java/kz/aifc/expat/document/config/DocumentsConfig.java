package kz.aifc.expat.document.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import kz.aifc.expat.document.storage.FileType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of document-service (prefix {@code expat.documents}). */
@ConfigMapping(prefix = "expat.documents")
public interface DocumentsConfig {

    /** Bucket holding the document objects; created at start-up when missing. */
    @WithDefault("expat-documents")
    String bucket();

    /** Largest accepted file; a bigger one is refused with 413 and nothing is kept. */
    @WithDefault("20M")
    MemorySize maxFileSize();

    /** Versions one requirement may hold; one more is refused with 422 (rule too-many-versions), nothing kept. */
    @WithDefault("50")
    int maxVersionsPerRequirement();

    /**
     * Bytes all documents of one application may take in the store (infected, hence deleted, versions not counted);
     * an upload that would pass it is refused with 422 (rule storage-quota), nothing kept.
     */
    @WithDefault("1G")
    MemorySize maxBytesPerApplication();

    /** File types accepted, recognised by their content (magic bytes). */
    @WithDefault("PDF,JPEG,PNG")
    List<FileType> allowedTypes();

    /** Multipart part size towards the store (S3 minimum 5 MiB); each running upload buffers one part. */
    @WithDefault("5M")
    MemorySize partSize();

    /**
     * Received uploads streaming to the store at once (each reads its local file part by part); the rest wait up
     * to {@link #storeSlotWait()}.
     */
    @WithDefault("4")
    int maxConcurrentStores();

    /** How long a received upload waits for a store slot before the client gets 503 with Retry-After. */
    @WithDefault("PT5S")
    Duration storeSlotWait();

    /** Uploads one company may have in flight on one instance; beyond, 429 with Retry-After. */
    @WithDefault("3")
    int maxConcurrentUploadsPerCompany();

    /**
     * Slowest accepted upload body, in bytes per second averaged from the start (after {@link #uploadRateGrace()});
     * a slower client gets 408 and nothing is kept.
     */
    @WithDefault("16K")
    MemorySize uploadMinRate();

    /** Time an upload may take before its average rate is checked. */
    @WithDefault("PT10S")
    Duration uploadRateGrace();

    /** Folder for uploads being received (owner-only files, deleted when the upload ends); default: the temp dir. */
    Optional<String> spoolDir();

    /** An object whose metadata was never committed is deleted after this age. */
    @WithDefault("PT15M")
    Duration orphanAge();

    /** Documents of a closed application are deleted this long after it closed. */
    @WithDefault("P90D")
    Duration retention();

    /** How often the orphan sweeper runs ("off" disables it). */
    @WithDefault("5m")
    String orphanSweepEvery();

    /** How often the retention job runs ("off" disables it). */
    @WithDefault("1h")
    String retentionSweepEvery();

    /** How often checklists the catalog could not deliver are asked for again ("off" disables it). */
    @WithDefault("30s")
    String checklistRetryEvery();

    Scan scan();

    interface Scan {
        /**
         * On by default: a new document is PENDING_SCAN until clamd passes it (right after the upload when clamd
         * answers, else by the sweep below). Off only where no scanner exists and the risk is accepted.
         */
        @WithDefault("true")
        boolean enabled();

        /** How often documents still PENDING_SCAN (clamd was down or slow) are scanned again ("off" disables it). */
        @WithDefault("10s")
        String every();

        Clamd clamd();
    }

    interface Clamd {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("3310")
        int port();

        /** Connect and read timeout of one scan; a file of 20 MiB takes well under a second on loopback. */
        @WithDefault("30s")
        Duration timeout();
    }
}
