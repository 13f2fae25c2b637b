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
import kz.aifc.expat.document.storage.FileReceiver;
import kz.aifc.expat.document.storage.ObjectWriter;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A company's upload for one requirement: check access and the checklist's state → take one of the company's
 * upload permits → receive the file into the spool at the client's speed ({@link FileReceiver}) → store it and
 * commit the new version ({@link ObjectWriter}) → let clamd read it ({@link ScanService}). A slow client therefore
 * holds a worker and its own company's permit, never a store slot.
 */
@ApplicationScoped
public class UploadService {

    @Inject
    FileReceiver receiver;

    @Inject
    ObjectWriter writer;

    @Inject
    DocumentsConfig config;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Access access;

    @Inject
    UploadLimiter limiter;

    @Inject
    ScanService scanner;

    private record Target(UUID checklistId, String companyBin, UUID requirementId, String documentCode) {
    }

    public Document upload(UUID applicationId, UUID requirementId, FileReceiver.Body body, String uploader) {
        Target target = QuarkusTransaction.requiringNew().call(() -> checkTarget(applicationId, requirementId));
        try (UploadLimiter.Permit permit = limiter.acquire(target.companyBin());
             FileReceiver.Received received = receiver.receive(body)) {
            // before the store sees a byte; checked again under the checklist's lock when committing
            QuarkusTransaction.requiringNew().run(() -> assertQuota(target.checklistId(), target.requirementId(),
                    received.size));
            UUID documentId = UUID.randomUUID();
            String key = "applications/" + applicationId + "/" + target.requirementId() + "/" + documentId;
            Document stored = writer.store(key, received, () -> commit(applicationId, target, documentId, key,
                    received, uploader));
            return scanner.scanUploaded(stored, received.file); // after the commit: no lock held while clamd reads
        }
    }

    private Target checkTarget(UUID applicationId, UUID requirementId) {
        Checklist checklist = access.checklist(applicationId);
        Requirement requirement = access.requirement(checklist, requirementId);
        assertAcceptsUploads(checklist, requirement);
        assertQuota(checklist.id, requirement.id, 0);
        return new Target(checklist.id, checklist.companyBin, requirement.id, requirement.documentCode);
    }

    /** Security #14.9: a bounded number of versions per requirement and of stored bytes per application. */
    private void assertQuota(UUID checklistId, UUID requirementId, long incomingBytes) {
        long versions = (Long) em.createQuery("select count(d) from Document d where d.requirementId = :r")
                .setParameter("r", requirementId).getSingleResult();
        int maxVersions = config.maxVersionsPerRequirement();
        if (versions >= maxVersions) {
            throw ProblemException.ruleViolated("too-many-versions", "This document already has " + versions
                    + " versions, the most one document may have; nothing was kept").with("maxVersions", maxVersions);
        }
        Number used = (Number) em.createQuery("select coalesce(sum(d.size), 0) from Document d where "
                        + "d.checklistId = :c and d.status <> :infected").setParameter("c", checklistId)
                .setParameter("infected", DocumentStatus.INFECTED).getSingleResult();
        long max = config.maxBytesPerApplication().asLongValue();
        if (used.longValue() + incomingBytes > max || used.longValue() >= max) {
            throw ProblemException.ruleViolated("storage-quota", "The documents of this application take "
                            + used.longValue() + " bytes" + (incomingBytes > 0 ? " and this file " + incomingBytes : "")
                            + ", more than the " + max + " bytes an application may store; nothing was kept")
                    .with("maxBytes", max).with("usedBytes", used.longValue());
        }
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
        if (!checklist.requested(requirement.id)) {
            java.util.List<String> codes = checklist.requestedIds().stream()
                    .map(id -> Requirement.<Requirement>findById(id)).filter(java.util.Objects::nonNull)
                    .map(r -> r.documentCode).sorted().toList();
            throw ProblemException.ruleViolated("not-requested", "The officer asked for new versions of "
                    + String.join(", ", codes) + " only; " + requirement.documentCode + " stays as approved")
                    .with("requested", codes);
        }
    }

    private Document commit(UUID applicationId, Target target, UUID documentId, String key,
                            FileReceiver.Received received, String uploader) {
        Checklist checklist = Checklist.findById(target.checklistId());
        em.refresh(checklist, LockModeType.PESSIMISTIC_WRITE);
        Requirement requirement = Requirement.findById(target.requirementId());
        assertAcceptsUploads(checklist, requirement);
        assertQuota(checklist.id, requirement.id, received.size); // exact under the lock: uploads in parallel
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
        document.originalFilename = received.filename;
        document.contentType = received.type.mediaType();
        document.size = received.size;
        document.sha256 = received.sha256;
        document.status = config.scan().enabled() ? DocumentStatus.PENDING_SCAN : DocumentStatus.UPLOADED;
        document.uploadedBy = uploader;
        document.uploadedAt = OffsetDateTime.now(ZoneOffset.UTC);
        document.persist();
        writer.forgetPendingIn(key);
        outbox.publish(Events.DOCUMENT_TOPIC, Events.DOCUMENT_UPLOADED, applicationId.toString(),
                new Events.DocumentUploaded(applicationId, checklist.companyBin, requirement.id,
                        requirement.documentCode, document.id, document.version, received.sha256, received.size));
        return document;
    }
}
