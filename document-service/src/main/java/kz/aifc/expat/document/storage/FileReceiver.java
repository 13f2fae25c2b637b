package kz.aifc.expat.document.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.document.config.DocumentsConfig;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Receives one file from a multipart body (part {@value #FILE_FIELD}) into a spool file, at the client's speed and
 * with a minimum rate: the first bytes decide the type (magic bytes; a declared type or file-name extension that
 * contradicts them is refused), the rest is counted and hashed on the way, past the size limit 413. Nothing reaches
 * the store here. The caller closes the result, which deletes the spool file.
 */
@ApplicationScoped
public class FileReceiver {

    private static final Logger LOG = Logger.getLogger(FileReceiver.class);
    public static final String FILE_FIELD = "file";

    @Inject
    DocumentsConfig config;

    @Inject
    UploadSpool spool;

    public record Body(String contentType, long contentLength, InputStream stream) {
    }

    /** A complete file in the spool: type from its content, sanitised name, size, SHA-256. */
    public final class Received implements AutoCloseable {
        public final Path file;
        public final FileType type;
        public final String filename;
        public final long size;
        public final String sha256;

        Received(Path file, FileType type, String filename, long size, String sha256) {
            this.file = file;
            this.type = type;
            this.filename = filename;
            this.size = size;
            this.sha256 = sha256;
        }

        @Override
        public void close() {
            spool.delete(file);
        }
    }

    public Received receive(Body upload) {
        if (upload.contentType() == null
                || !upload.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw unsupported("Send the file as multipart/form-data with a part named '" + FILE_FIELD + "'", null);
        }
        InputStream body = new MinimumRateInputStream(upload.stream(), config.uploadMinRate().asLongValue(),
                config.uploadRateGrace());
        try {
            FileItemInputIterator items = new MultipartStream().getItemIterator(
                    new MultipartStream.Body(upload.contentType(), upload.contentLength(), body));
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (!item.isFormField() && FILE_FIELD.equals(item.getFieldName())) {
                    Received received;
                    try (InputStream part = item.getInputStream()) {
                        received = spoolPart(item, part, body);
                    }
                    drain(body); // the closing boundary
                    return received;
                }
            }
        } catch (IOException e) { // FileUploadException too; the parser may wrap the rate check's exception
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof MinimumRateInputStream.TooSlowException slow) {
                    throw new ProblemException(408, "upload-too-slow", "Upload too slow",
                            "The file arrived too slowly (" + slow.getMessage() + "); nothing was kept, send it again");
                }
            }
            throw ProblemException.badRequest("The multipart body cannot be read: " + e.getMessage(), List.of());
        }
        throw ProblemException.badRequest(FILE_FIELD, "the multipart body has no file part named '" + FILE_FIELD
                + "'");
    }

    private Received spoolPart(FileItemInput item, InputStream part, InputStream body) throws IOException {
        String name;
        try {
            name = item.getName();
        } catch (IllegalArgumentException e) {
            // commons-fileupload refuses a name holding NUL (InvalidPathException): bad input, not a failure
            drain(body);
            throw ProblemException.badRequest(FILE_FIELD, "the file name holds a character no file name may hold");
        }
        byte[] head = part.readNBytes(FileType.SNIFF_LENGTH);
        if (head.length == 0) {
            throw ProblemException.badRequest(FILE_FIELD, "the file is empty");
        }
        FileType type = FileType.sniff(head, head.length).orElse(null);
        Optional<FileType> declared = FileType.ofMediaType(item.getContentType());
        Optional<FileType> byName = FileType.ofExtension(name);
        if (type == null || !config.allowedTypes().contains(type)) {
            drain(body);
            throw unsupported("The file content is not one of the accepted types " + config.allowedTypes(), type);
        }
        if (declared.isPresent() && declared.get() != type || byName.isPresent() && byName.get() != type) {
            drain(body);
            throw unsupported("The file content is " + type + " but it was declared as "
                    + declared.or(() -> byName).map(Enum::name).orElse("?") + " (type or file name)", type);
        }
        long max = config.maxFileSize().asLongValue();
        Path file;
        try {
            file = spool.create();
        } catch (UncheckedIOException e) {
            LOG.warnf("no spool file for an upload: %s", e.getCause().toString());
            throw ProblemException.unavailable("The service cannot receive files right now; try again");
        }
        try {
            CountingDigestInputStream counted = new CountingDigestInputStream(
                    new SequenceInputStream(new ByteArrayInputStream(head), part), max);
            try (OutputStream out = Files.newOutputStream(file)) {
                counted.transferTo(out);
            }
            if (counted.exceeded()) {
                drain(body);
                throw new ProblemException(413, "payload-too-large", "File too large",
                        "A file may have at most " + max + " bytes").with("maxBytes", max);
            }
            return new Received(file, type, Filenames.withExtensionOf(type, Filenames.sanitise(name)),
                    counted.count(), counted.sha256());
        } catch (IOException | RuntimeException e) {
            spool.delete(file);
            throw e;
        }
    }

    /** Reads the rest of a refused body so the client receives the answer instead of a reset connection. */
    private static void drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            LOG.debugf("could not drain a refused upload: %s", e.toString());
        }
    }

    private static ProblemException unsupported(String detail, FileType detected) {
        ProblemException problem = new ProblemException(415, "unsupported-media-type", "File type not accepted",
                detail);
        if (detected != null) {
            problem.with("detectedType", detected.name());
        }
        return problem;
    }
}
