package kz.aifc.expat.document.storage;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kz.aifc.expat.document.config.DocumentsConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Local files that hold an upload while the client sends it. The body arrives at the client's speed; only once it
 * is complete (type checked, hashed, size known) does the upload take one of the few store slots, and then it
 * streams to the store at disk speed — so a slow client never holds a store slot, and memory per upload stays at a
 * copy buffer. Files are owner-only, deleted when the upload ends, and left-overs of a crash are deleted at start.
 */
@ApplicationScoped
public class UploadSpool {

    private static final Logger LOG = Logger.getLogger(UploadSpool.class);

    @Inject
    DocumentsConfig config;

    private Path dir;

    void onStart(@Observes StartupEvent start) throws IOException {
        dir = config.spoolDir().map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "expat-document-uploads"));
        Files.createDirectories(dir);
        Instant before = Instant.now().minus(Duration.ofHours(1)); // another replica may share the folder
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().startsWith("upload-")).forEach(f -> {
                try {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                        Files.deleteIfExists(f);
                    }
                } catch (IOException e) {
                    LOG.warnf("could not delete the left-over upload file %s: %s", f, e.toString());
                }
            });
        }
    }

    /** A new empty spool file, readable by this process only. */
    public Path create() {
        try {
            return Files.createTempFile(dir, "upload-", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new UncheckedIOException("no room to receive an upload in " + dir, e);
        }
    }

    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete the upload file %s: %s", file, e.toString());
        }
    }
}
