package kz.aifc.expat.document.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.document.model.Checklist;
import kz.aifc.expat.document.model.Document;
import kz.aifc.expat.document.model.DocumentStatus;
import kz.aifc.expat.document.model.Requirement;
import kz.aifc.expat.document.model.RetentionAudit;
import kz.aifc.expat.document.storage.ObjectStore;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/** Reads, always scoped to what the caller may see. */
@ApplicationScoped
public class DocumentQueries {

    public record Snapshot(Checklist checklist, List<Requirement> requirements, List<Document> documents) {
    }

    public record Content(Document document, InputStream stream) {
    }

    @Inject
    Access access;

    @Inject
    ObjectStore store;

    @Transactional
    public Snapshot checklist(UUID applicationId) {
        Checklist checklist = access.checklist(applicationId);
        return new Snapshot(checklist, Requirement.ofChecklist(checklist.id), Document.ofChecklist(checklist.id));
    }

    @Transactional
    public List<Document> versions(UUID applicationId, UUID requirementId) {
        Checklist checklist = access.checklist(applicationId);
        Requirement requirement = access.requirement(checklist, requirementId);
        return Document.ofRequirement(requirement.id);
    }

    @Transactional
    public Snapshot document(UUID documentId) {
        Document document = access.document(documentId);
        Checklist checklist = Checklist.findById(document.checklistId);
        return new Snapshot(checklist, List.of(Requirement.findById(document.requirementId)), List.of(document));
    }

    /** Opens the stored object of a document the caller may see; not while unscanned or infected. */
    public Content content(UUID documentId) {
        Document document = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> access.document(documentId));
        if (document.status == DocumentStatus.PENDING_SCAN || document.status == DocumentStatus.INFECTED) {
            throw ProblemException.conflict("not-downloadable", "Document not available",
                    "A document in state " + document.status + " cannot be downloaded");
        }
        return new Content(document, store.get(document.objectKey));
    }

    @Transactional
    public List<RetentionAudit> retentionAudit(UUID applicationId) {
        return RetentionAudit.list("applicationId = ?1 order by deletedAt, documentId", applicationId);
    }
}
