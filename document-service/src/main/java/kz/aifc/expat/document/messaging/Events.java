package kz.aifc.expat.document.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** This service's own copy of the event records it consumes and publishes (docs/CONTRACTS.md). */
public final class Events {

    public static final String APPLICATION_TOPIC = "expat.application";
    public static final String DOCUMENT_TOPIC = "expat.document";

    public static final String APPLICATION_SUBMITTED = "application.submitted";
    public static final String APPLICATION_WITHDRAWN = "application.withdrawn";
    public static final String APPLICATION_STATUS_CHANGED = "application.status-changed";

    public static final String DOCUMENT_UPLOADED = "document.uploaded";
    public static final String DOCUMENT_REVIEWED = "document.reviewed";
    public static final String DOCUMENTS_APPROVED = "documents.approved";
    public static final String DOCUMENTS_CHANGES_REQUESTED = "documents.changes-requested";
    public static final String OUTCOME_UPLOADED = "document.outcome-uploaded";
    public static final String APPLICATION_CHANGES_REQUESTED = "application.changes-requested";

    private Events() {
    }

    public record Profile(String legalForm, String applicantType, String visaCategory, Integer childAge,
                          String variant, String entity) {
    }

    public record ApplicationSubmitted(UUID applicationId, String companyBin, String serviceCode,
                                       String catalogVersion, OffsetDateTime submittedAt, Profile profile) {
    }

    public record DocumentUploaded(UUID applicationId, String companyBin, UUID requirementId, String documentCode,
                                   UUID documentId, int version, String sha256, long size) {
    }

    public record DocumentReviewed(UUID applicationId, String companyBin, UUID documentId, String documentCode,
                                   String decision, String reason, String reviewer) {
    }

    /** {@code bookingNeeded}: false when the originals were already received (documents corrected after the visit). */
    public record DocumentsApproved(UUID applicationId, String companyBin, String serviceCode, int round,
                                    OffsetDateTime approvedAt, boolean bookingNeeded) {
    }

    public record OutcomeUploaded(UUID applicationId, String companyBin, UUID documentId, String filename,
                                  String contentType, long size, String sha256, OffsetDateTime uploadedAt) {
    }

    public record RequestedDocument(String requirementId, String documentCode, String reason) {
    }

    /** application-service sent the case back (at any stage); read leniently. */
    public record ApplicationChangesRequested(UUID applicationId, String companyBin, Integer round,
                                              List<RequestedDocument> documents, String fromState,
                                              Boolean originalsReceived) {
    }

    public record RejectedItem(UUID requirementId, String documentCode, String reason) {
    }

    public record DocumentsChangesRequested(UUID applicationId, String companyBin, String serviceCode, int round,
                                            List<RejectedItem> rejected, OffsetDateTime at) {
    }
}
