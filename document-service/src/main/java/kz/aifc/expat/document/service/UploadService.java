package kz.aifc.expat.document.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.document.config.DocumentsConfig;
import kz.aifc.expat.document.messaging.Events;
import kz.aifc.expat.document.model.Checklist;
import kz.aifc.expat.document.model.ChecklistStatus;
import kz.aifc.expat.document.model.Document;
import kz.aifc.expat.document.model.DocumentStatus;
import kz.aifc.expat.document.model.Requirement;
import kz.aifc.expat.document.storage.CountingDigestInputStream;
import kz.aifc.expat.document.storage.FileType;
import kz.aifc.expat.document.storage.Filenames;
import kz.aifc.expat.document.storage.MultipartStream;
import kz.aifc.expat.document.storage.ObjectStore;
import kz.aifc.expat.document.storage.StoreBusyException;
import kz.aifc.expat.document.storage.StoreUnavailableException;
import kz.aifc.expat.document.storage.MinimumRateInputStream;
import kz.aifc.expat.document.storage.UploadSpool;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Receives one uploaded file from the multipart body and commits its metadata only after the object is stored.
 * Order: check access → take one of the company's upload permits → sniff type → receive the rest into a local spool
 * file at the client's speed, with a minimum rate (hash + count + size limit) → note the key as pending → store the
 * complete file (one of the few store slots, bounded wait) → commit metadata and remove the pending note in one
 * transaction. A slow client therefore holds a worker and its own company's permit, never a store slot. Any failure
 * after the object was written deletes it; if even that fails, the pending note lets the orphan sweeper delete it.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class);
    public static final String FILE_FIELD = "file";

    @Inject
    ObjectStore store;

    @Inject
    DocumentsConfig config;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Access access;

    @Inject
    UploadSpool spool;

    @Inject
    UploadLimiter limiter;

    public record Upload(String contentType, long contentLength, InputStream body) {
    }

    private record Target(UUID checklistId, String companyBin, UUID requirementId, String documentCode) {
    }

    public Document upload(UUID applicationId, UUID requirementId, Upload upload, String uploader) {
        Target target = QuarkusTransaction.requiringNew().call(() -> checkTarget(applicationId, requirementId));
        if (upload.contentType() == null
                || !upload.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw unsupported("Send the file as multipart/form-data with a part named '" + FILE_FIELD + "'", null);
        }
        InputStream body = new MinimumRateInputStream(upload.body(), config.uploadMinRate().asLongValue(),
                config.uploadRateGrace());
        try (UploadLimiter.Permit permit = limiter.acquire(target.companyBin())) {
            FileItemInputIterator items = new MultipartStream().getItemIterator(
                    new MultipartStream.Body(upload.contentType(), upload.contentLength(), body));
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (!item.isFormField() && FILE_FIELD.equals(item.getFieldName())) {
                    Document document;
                    try (InputStream part = item.getInputStream()) {
                        document = store(applicationId, target, item, part, body, uploader);
                    }
                    drain(body); // the closing boundary
                    return document;
                }
            }
        } catch (IOException e) { // FileUploadException too; the parser may wrap the rate check's exception
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof MinimumRateInputStream.TooSlowException slow) {
                    throw tooSlow(slow);
                }
            }
            throw ProblemException.badRequest("The multipart body cannot be read: " + e.getMessage(),
                    java.util.List.of());
        }
        throw ProblemException.badRequest(FILE_FIELD, "the multipart body has no file part named '" + FILE_FIELD
                + "'");
    }

    private Target checkTarget(UUID applicationId, UUID requirementId) {
        Checklist checklist = access.checklist(applicationId);
        Requirement requirement = access.requirement(checklist, requirementId);
        assertAcceptsUploads(checklist, requirement);
        return new Target(checklist.id, checklist.companyBin, requirement.id, requirement.documentCode);
    }

    private static void assertAcceptsUploads(Checklist checklist, Requirement requirement) {
        if (!requirement.delivery.needsUpload()) {
            throw ProblemException.ruleViolated("original-at-visit",
                    "Document " + requirement.documentCode + " is presented as an original at the visit, "
                            + "not uploaded");
        }
        switch (checklist.status) {
            case CLOSED -> throw ProblemException.ruleViolated("application-closed", "The application is closed");
            case APPROVED -> throw ProblemException.ruleViolated("documents-already-approved",
                    "All documents of this application were already approved");
            default -> {
            }
        }
    }

    private Document store(UUID applicationId, Target target, FileItemInput item, InputStream part,
                           InputStream body, String uploader) throws IOException {
        byte[] head = part.readNBytes(FileType.SNIFF_LENGTH);
        if (head.length == 0) {
            throw ProblemException.badRequest(FILE_FIELD, "the file is empty");
        }
        FileType type = FileType.sniff(head, head.length).orElse(null);
        Optional<FileType> declared = FileType.ofMediaType(item.getContentType());
        Optional<FileType> byName = FileType.ofExtension(item.getName());
        if (type == null || !config.allowedTypes().contains(type)) {
            drain(body);
            throw unsupported("The file content is not one of the accepted types " + config.allowedTypes(), type);
        }
        if (declared.isPresent() && declared.get() != type || byName.isPresent() && byName.get() != type) {
            drain(body);
            throw unsupported("The file content is " + type + " but it was declared as "
                    + declared.or(() -> byName).map(Enum::name).orElse("?") + " (type or file name)", type);
        }
        String filename = Filenames.sanitise(item.getName());
        UUID documentId = UUID.randomUUID();
        String key = "applications/" + applicationId + "/" + target.requirementId() + "/" + documentId;
        long max = config.maxFileSize().asLongValue();

        Path received;
        try {
            received = spool.create();
        } catch (java.io.UncheckedIOException e) {
            LOG.warnf("no spool file for an upload: %s", e.getCause().toString());
            throw ProblemException.unavailable("The service cannot receive files right now; try again");
        }
        try {
            CountingDigestInputStream counted = new CountingDigestInputStream(
                    new SequenceInputStream(new ByteArrayInputStream(head), part), max);
            try (OutputStream out = Files.newOutputStream(received)) {
                counted.transferTo(out);
            }
            if (counted.exceeded()) {
                drain(body);
                throw new ProblemException(413, "payload-too-large", "File too large",
                        "A file may have at most " + max + " bytes").with("maxBytes", max);
            }
            return storeReceived(applicationId, target, documentId, key, filename, type, received, counted,
                    uploader);
        } finally {
            spool.delete(received);
        }
    }

    /** The whole file is here: store it (one store slot, bounded wait), then commit its metadata. */
    private Document storeReceived(UUID applicationId, Target target, UUID documentId, String key, String filename,
                                   FileType type, Path received, CountingDigestInputStream counted,
                                   String uploader) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "INSERT INTO pending_object (object_key, created_at) VALUES (:k, :at)")
                .setParameter("k", key).setParameter("at", OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate());
        try {
            store.putFile(key, received, type.mediaType());
        } catch (StoreBusyException e) {
            forgetPending(key);
            throw ProblemException.unavailable("Every upload slot of the document store is busy; nothing was kept, "
                    + "try again in a few seconds");
        } catch (StoreUnavailableException e) {
            LOG.warnf("upload of %s failed: %s", key, e.getCause() != null ? e.getCause() : e);
            discard(key);
            throw ProblemException.unavailable("The document store is unavailable; nothing was kept, try again");
        }
        long size = counted.count();
        String sha256 = counted.sha256();
        try {
            return QuarkusTransaction.requiringNew().call(() -> commit(applicationId, target, documentId, key,
                    filename, type, size, sha256, uploader));
        } catch (RuntimeException e) {
            // metadata was not committed: the object must not outlive it (the pending note still names it)
            if (store.removeQuietly(key)) {
                forgetPending(key);
            }
            throw e;
        }
    }

    private Document commit(UUID applicationId, Target target, UUID documentId, String key, String filename,
                            FileType type, long size, String sha256, String uploader) {
        Checklist checklist = Checklist.findById(target.checklistId());
        em.refresh(checklist, LockModeType.PESSIMISTIC_WRITE);
        Requirement requirement = Requirement.findById(target.requirementId());
        assertAcceptsUploads(checklist, requirement);
        if (checklist.status == ChecklistStatus.CHANGES_REQUESTED) {
            checklist.round++; // the company answers the requested changes: a new review round starts
            checklist.status = ChecklistStatus.OPEN;
        }
        Integer latest = (Integer) em.createQuery("select max(d.version) from Document d where d.requirementId = :r")
                .setParameter("r", requirement.id).getSingleResult();
        Document document = new Document();
        document.id = documentId;
        document.checklistId = checklist.id;
        document.requirementId = requirement.id;
        document.version = latest == null ? 1 : latest + 1;
        document.round = checklist.round;
        document.objectKey = key;
        document.originalFilename = filename;
        document.contentType = type.mediaType();
        document.size = size;
        document.sha256 = sha256;
        document.status = config.scan().enabled() ? DocumentStatus.PENDING_SCAN : DocumentStatus.UPLOADED;
        document.uploadedBy = uploader;
        document.uploadedAt = OffsetDateTime.now(ZoneOffset.UTC);
        document.persist();
        em.createNativeQuery("DELETE FROM pending_object WHERE object_key = :k").setParameter("k", key)
                .executeUpdate();
        outbox.publish(Events.DOCUMENT_TOPIC, Events.DOCUMENT_UPLOADED, applicationId.toString(),
                new Events.DocumentUploaded(applicationId, checklist.companyBin, requirement.id,
                        requirement.documentCode, document.id, document.version, sha256, size));
        return document;
    }

    private void discard(String key) {
        if (store.removeQuietly(key)) {
            forgetPending(key);
        }
    }

    private void forgetPending(String key) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "DELETE FROM pending_object WHERE object_key = :k").setParameter("k", key).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("pending note of %s left for the sweeper: %s", key, e.toString());
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

    private static ProblemException tooSlow(MinimumRateInputStream.TooSlowException e) {
        return new ProblemException(408, "upload-too-slow", "Upload too slow",
                "The file arrived too slowly (" + e.getMessage() + "); nothing was kept, send it again");
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
