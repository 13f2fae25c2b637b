package kz.aifc.expat.document.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import kz.aifc.expat.document.storage.FileType;

import java.time.Duration;
import java.util.List;

/** Configuration of document-service (prefix {@code expat.documents}). */
@ConfigMapping(prefix = "expat.documents")
public interface DocumentsConfig {

    /** Bucket holding the document objects; created at start-up when missing. */
    @WithDefault("expat-documents")
    String bucket();

    /** Largest accepted file; a bigger one is refused with 413 and nothing is kept. */
    @WithDefault("20M")
    MemorySize maxFileSize();

    /** File types accepted, recognised by their content (magic bytes). */
    @WithDefault("PDF,JPEG,PNG")
    List<FileType> allowedTypes();

    /** Multipart part size towards the store (S3 minimum 5 MiB); each running upload buffers one part. */
    @WithDefault("5M")
    MemorySize partSize();

    /** Uploads streaming to the store at once; the rest wait, which bounds memory to about this many parts. */
    @WithDefault("4")
    int maxConcurrentStores();

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
        /** When on, a new document stays PENDING_SCAN until the scanner passes it. */
        @WithDefault("false")
        boolean enabled();

        /** How often pending documents are scanned. */
        @WithDefault("2s")
        String every();
    }
}
