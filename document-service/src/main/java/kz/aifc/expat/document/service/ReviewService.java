package kz.aifc.expat.document.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.document.messaging.Events;
import kz.aifc.expat.document.model.Checklist;
import kz.aifc.expat.document.model.ChecklistStatus;
import kz.aifc.expat.document.model.Document;
import kz.aifc.expat.document.model.DocumentStatus;
import kz.aifc.expat.document.model.Requirement;
import kz.aifc.expat.document.model.ReviewRound;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Officers' decisions. Every change runs with the checklist row locked, so decisions on one application are
 * serialised; the review_round primary key makes "documents.approved once per round" hold even against duplicates.
 */
@ApplicationScoped
public class ReviewService {

    public enum Decision { APPROVED, REJECTED }

    public record FinishedRound(UUID applicationId, int round, String outcome,
                                List<Events.RejectedItem> rejected) {
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Access access;

    /** Approves or rejects the latest version of a requirement's document. Repeating a decision changes nothing. */
    @Transactional
    public Document review(UUID documentId, Decision decision, String reason, String reviewer) {
        Document document = access.document(documentId);
        Checklist checklist = Checklist.findById(document.checklistId);
        em.refresh(checklist, LockModeType.PESSIMISTIC_WRITE); // serialises decisions on this application
        em.refresh(document);
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (decision == Decision.REJECTED && cleanReason == null) {
            throw ProblemException.badRequest("reason", "a rejection needs a reason the company can act on");
        }
        DocumentStatus target = decision == Decision.APPROVED ? DocumentStatus.APPROVED : DocumentStatus.REJECTED;
        if (document.status == target && (target == DocumentStatus.APPROVED
                || Objects.equals(document.rejectionReason, cleanReason))) {
            return document; // a duplicate of the decision already taken
        }
        if (checklist.status == ChecklistStatus.CLOSED) {
            throw ProblemException.ruleViolated("application-closed", "The application is closed");
        }
        if (checklist.status == ChecklistStatus.APPROVED) {
            throw ProblemException.ruleViolated("documents-already-approved",
                    "All documents of this application were already approved");
        }
        if (checklist.status == ChecklistStatus.CHANGES_REQUESTED) {
            throw ProblemException.ruleViolated("round-finished",
                    "Review round " + checklist.round + " is finished; wait for the company's new uploads");
        }
        Integer latest = (Integer) em.createQuery("select max(d.version) from Document d where d.requirementId = :r")
                .setParameter("r", document.requirementId).getSingleResult();
        if (latest != null && latest != document.version) {
            throw ProblemException.conflict("superseded", "A newer version exists",
                    "Version " + document.version + " was replaced by version " + latest + "; review that one");
        }
        if (document.status == DocumentStatus.PENDING_SCAN || document.status == DocumentStatus.INFECTED) {
            throw ProblemException.ruleViolated("not-reviewable",
                    "A document in state " + document.status + " cannot be reviewed");
        }
        document.status = target;
        document.rejectionReason = target == DocumentStatus.REJECTED ? cleanReason : null;
        document.reviewedBy = reviewer;
        document.reviewedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Requirement requirement = Requirement.findById(document.requirementId);
        outbox.publish(Events.DOCUMENT_TOPIC, Events.DOCUMENT_REVIEWED, checklist.applicationId.toString(),
                new Events.DocumentReviewed(checklist.applicationId, checklist.companyBin, document.id,
                        requirement.documentCode, decision.name(), document.rejectionReason, reviewer));
        em.flush();
        if (target == DocumentStatus.APPROVED) {
            approveIfComplete(checklist, reviewer);
        }
        return document;
    }

    /**
     * Publishes documents.approved when every mandatory upload requirement's latest version is approved — once per
     * round: the insert into review_round is the guard. The caller holds the checklist row lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean approveIfComplete(Checklist checklist, String actor) {
        if (!checklist.itemsLoaded || checklist.status != ChecklistStatus.OPEN) {
            return false;
        }
        Map<UUID, Document> latest = latestByRequirement(checklist.id);
        boolean complete = Requirement.ofChecklist(checklist.id).stream()
                .filter(r -> r.mandatory && r.delivery.needsUpload())
                .allMatch(r -> latest.containsKey(r.id) && latest.get(r.id).status == DocumentStatus.APPROVED);
        if (!complete || !recordRound(checklist, ReviewRound.APPROVED, actor)) {
            return false;
        }
        checklist.status = ChecklistStatus.APPROVED;
        checklist.requestedRequirements = null;
        outbox.publish(Events.DOCUMENT_TOPIC, Events.DOCUMENTS_APPROVED, checklist.applicationId.toString(),
                new Events.DocumentsApproved(checklist.applicationId, checklist.companyBin, checklist.serviceCode,
                        checklist.round, OffsetDateTime.now(ZoneOffset.UTC), checklist.bookingNeeded));
        return true;
    }

    /** The officer ends a round with rejections: the company is told what to fix (documents.changes-requested). */
    @Transactional
    public FinishedRound finishRound(UUID applicationId, String officer) {
        Checklist checklist = access.checklist(applicationId);
        em.refresh(checklist, LockModeType.PESSIMISTIC_WRITE);
        switch (checklist.status) {
            case CLOSED -> throw ProblemException.ruleViolated("application-closed", "The application is closed");
            case APPROVED -> throw ProblemException.ruleViolated("documents-already-approved",
                    "All documents of this application were already approved");
            case CHANGES_REQUESTED -> throw ProblemException.conflict("round-finished", "Round already finished",
                    "Review round " + checklist.round + " was already finished with changes requested");
            default -> {
            }
        }
        if (!checklist.itemsLoaded) {
            throw ProblemException.ruleViolated("checklist-not-ready", "The checklist is not built yet");
        }
        Map<UUID, Document> latest = latestByRequirement(checklist.id);
        List<String> unreviewed = new ArrayList<>();
        List<Events.RejectedItem> rejected = new ArrayList<>();
        for (Requirement requirement : Requirement.ofChecklist(checklist.id)) {
            if (!requirement.delivery.needsUpload()) {
                continue;
            }
            Document document = latest.get(requirement.id);
            if (document == null) {
                if (requirement.mandatory) {
                    rejected.add(new Events.RejectedItem(requirement.id, requirement.documentCode,
                            "The document was not provided"));
                }
            } else if (document.status == DocumentStatus.UPLOADED || document.status == DocumentStatus.PENDING_SCAN) {
                unreviewed.add(requirement.documentCode);
            } else if (document.status == DocumentStatus.REJECTED) {
                rejected.add(new Events.RejectedItem(requirement.id, requirement.documentCode,
                        document.rejectionReason));
            } else if (document.status == DocumentStatus.INFECTED) {
                rejected.add(new Events.RejectedItem(requirement.id, requirement.documentCode,
                        "The file failed the malware scan; upload a clean copy"));
            }
        }
        if (!unreviewed.isEmpty()) {
            throw ProblemException.ruleViolated("review-incomplete",
                    "Documents still waiting for a decision: " + String.join(", ", unreviewed))
                    .with("unreviewed", unreviewed);
        }
        if (rejected.isEmpty()) {
            throw ProblemException.ruleViolated("nothing-to-request",
                    "No document was rejected; approval is published automatically once all mandatory documents "
                            + "are approved");
        }
        if (!recordRound(checklist, ReviewRound.CHANGES_REQUESTED, officer)) {
            throw ProblemException.conflict("round-finished", "Round already finished",
                    "Review round " + checklist.round + " was already finished");
        }
        checklist.status = ChecklistStatus.CHANGES_REQUESTED;
        outbox.publish(Events.DOCUMENT_TOPIC, Events.DOCUMENTS_CHANGES_REQUESTED, applicationId.toString(),
                new Events.DocumentsChangesRequested(applicationId, checklist.companyBin, checklist.serviceCode,
                        checklist.round, rejected, OffsetDateTime.now(ZoneOffset.UTC)));
        return new FinishedRound(applicationId, checklist.round, ReviewRound.CHANGES_REQUESTED, rejected);
    }

    /** Latest version per requirement of a checklist. */
    public static Map<UUID, Document> latestByRequirement(UUID checklistId) {
        Map<UUID, Document> latest = new HashMap<>();
        for (Document d : Document.ofChecklist(checklistId)) {
            latest.merge(d.requirementId, d, (a, b) -> a.version >= b.version ? a : b);
        }
        return latest;
    }

    private boolean recordRound(Checklist checklist, String outcome, String actor) {
        return em.createNativeQuery("INSERT INTO review_round (checklist_id, round, outcome, finished_by, finished_at) "
                        + "VALUES (:c, :r, :o, :by, :at) ON CONFLICT DO NOTHING")
                .setParameter("c", checklist.id).setParameter("r", checklist.round).setParameter("o", outcome)
                .setParameter("by", actor).setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

}
