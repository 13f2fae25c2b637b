package kz.aifc.expat.document.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.document.messaging.Events;
import kz.aifc.expat.document.model.Checklist;
import kz.aifc.expat.document.model.ChecklistStatus;
import kz.aifc.expat.document.model.OutcomeDocument;
import kz.aifc.expat.document.storage.FileReceiver;
import kz.aifc.expat.document.storage.ObjectStore;
import kz.aifc.expat.document.storage.ObjectWriter;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The issued documents of a case (visa, permit, certificate...): uploaded by an officer with the same type, size and
 * storage rules as the company's uploads, downloadable by the company, announced by document.outcome-uploaded so
 * that application-service can complete the case with it.
 */
@ApplicationScoped
public class OutcomeDocuments {

    @Inject
    FileReceiver receiver;

    @Inject
    ObjectWriter writer;

    @Inject
    ObjectStore store;

    @Inject
    Outbox outbox;

    @Inject
    Access access;

    @Inject
    CallerContext caller;

    public record Content(OutcomeDocument document, InputStream stream) {
    }

    public OutcomeDocument upload(UUID applicationId, FileReceiver.Body body, String officer) {
        Checklist checklist = QuarkusTransaction.requiringNew().call(() -> {
            Checklist c = access.checklist(applicationId);
            if (c.status == ChecklistStatus.CLOSED) {
                throw ProblemException.ruleViolated("application-closed", "The application is closed");
            }
            return c;
        });
        try (FileReceiver.Received received = receiver.receive(body)) {
            UUID id = UUID.randomUUID();
            String key = "applications/" + applicationId + "/outcome/" + id;
            return writer.store(key, received, () -> {
                OutcomeDocument d = new OutcomeDocument();
                d.id = id;
                d.applicationId = applicationId;
                d.checklistId = checklist.id;
                d.companyBin = checklist.companyBin;
                d.objectKey = key;
                d.originalFilename = received.filename;
                d.contentType = received.type.mediaType();
                d.size = received.size;
                d.sha256 = received.sha256;
                d.uploadedBy = officer;
                d.uploadedAt = OffsetDateTime.now(ZoneOffset.UTC);
                d.persist();
                writer.forgetPendingIn(key);
                outbox.publish(Events.DOCUMENT_TOPIC, Events.OUTCOME_UPLOADED, applicationId.toString(),
                        new Events.OutcomeUploaded(applicationId, d.companyBin, d.id, d.originalFilename,
                                d.contentType, d.size, d.sha256, d.uploadedAt));
                return d;
            });
        }
    }

    public List<OutcomeDocument> list(UUID applicationId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            access.checklist(applicationId); // tenant check: another company's application is not found
            return OutcomeDocument.ofApplication(applicationId);
        });
    }

    public Content content(UUID documentId) {
        OutcomeDocument d = QuarkusTransaction.requiringNew().call(() -> {
            OutcomeDocument found = OutcomeDocument.findById(documentId);
            if (found == null || !caller.canSee(found.companyBin)) {
                throw ProblemException.notFound("Outcome document", documentId);
            }
            return found;
        });
        return new Content(d, store.get(d.objectKey));
    }
}
