package kz.aifc.expat.document.rest;

import kz.aifc.expat.document.messaging.Events;
import kz.aifc.expat.document.model.Checklist;
import kz.aifc.expat.document.model.Document;
import kz.aifc.expat.document.model.Requirement;
import kz.aifc.expat.document.model.RetentionAudit;
import kz.aifc.expat.document.service.DocumentQueries;
import kz.aifc.expat.document.service.ReviewService;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Response bodies: built from entities field by field, never the entities themselves. */
public final class Views {

    private Views() {
    }

    public record DocumentView(UUID id, UUID applicationId, UUID requirementId, String documentCode, int version,
                               int round, String filename, String contentType, long size, String sha256,
                               String status, String rejectionReason, String reviewedBy, OffsetDateTime reviewedAt,
                               String uploadedBy, OffsetDateTime uploadedAt) {
    }

    public record RequirementView(UUID id, String documentCode, String title, boolean mandatory, String delivery,
                                  boolean notarised, boolean legalised, boolean uploadRequired, int versions,
                                  boolean changedSinceLastRound, DocumentView current) {
    }

    public record ChecklistView(UUID applicationId, String companyBin, String serviceCode, String catalogVersion,
                                String status, int round, boolean ready, OffsetDateTime closedAt,
                                List<RequirementView> requirements) {
    }

    public record RoundView(UUID applicationId, int round, String outcome, List<Events.RejectedItem> rejected) {
    }

    public record RetentionAuditView(UUID documentId, String documentCode, int version, String sha256, long size,
                                     OffsetDateTime closedAt, OffsetDateTime deletedAt) {
    }

    public static DocumentView document(Checklist checklist, Requirement requirement, Document d) {
        return new DocumentView(d.id, checklist.applicationId, d.requirementId, requirement.documentCode, d.version,
                d.round, d.originalFilename, d.contentType, d.size, d.sha256, d.status.name(), d.rejectionReason,
                d.reviewedBy, d.reviewedAt, d.uploadedBy, d.uploadedAt);
    }

    public static DocumentView document(DocumentQueries.Snapshot s) {
        return document(s.checklist(), s.requirements().get(0), s.documents().get(0));
    }

    public static ChecklistView checklist(DocumentQueries.Snapshot s) {
        Checklist c = s.checklist();
        Map<UUID, List<Document>> byRequirement = s.documents().stream()
                .collect(Collectors.groupingBy(d -> d.requirementId));
        List<RequirementView> requirements = s.requirements().stream().map(r -> {
            List<Document> versions = byRequirement.getOrDefault(r.id, List.of());
            Document current = versions.stream().max(Comparator.comparingInt(d -> d.version)).orElse(null);
            boolean changed = current != null && c.round > 1 && current.round == c.round;
            return new RequirementView(r.id, r.documentCode, r.title, r.mandatory, r.delivery.name(), r.notarised,
                    r.legalised, r.delivery.needsUpload(), versions.size(), changed,
                    current == null ? null : document(c, r, current));
        }).toList();
        return new ChecklistView(c.applicationId, c.companyBin, c.serviceCode, c.catalogVersion, c.status.name(),
                c.round, c.itemsLoaded, c.closedAt, requirements);
    }

    public static List<DocumentView> documents(DocumentQueries.Snapshot s) {
        Map<UUID, Requirement> requirements = s.requirements().stream()
                .collect(Collectors.toMap(r -> r.id, r -> r));
        return s.documents().stream().map(d -> document(s.checklist(), requirements.get(d.requirementId), d))
                .toList();
    }

    public static RoundView round(ReviewService.FinishedRound r) {
        return new RoundView(r.applicationId(), r.round(), r.outcome(), r.rejected());
    }

    public static RetentionAuditView audit(RetentionAudit a) {
        return new RetentionAuditView(a.documentId, a.documentCode, a.version, a.sha256, a.size, a.closedAt,
                a.deletedAt);
    }

    public record OutcomeDocumentView(UUID id, UUID applicationId, String filename, String contentType, long size,
                                      String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
    }

    public static OutcomeDocumentView outcome(kz.aifc.expat.document.model.OutcomeDocument d) {
        return new OutcomeDocumentView(d.id, d.applicationId, d.originalFilename, d.contentType, d.size, d.sha256,
                d.uploadedBy, d.uploadedAt);
    }
}
