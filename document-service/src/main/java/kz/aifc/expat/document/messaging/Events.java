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

    public record DocumentsApproved(UUID applicationId, String companyBin, String serviceCode, int round,
                                    OffsetDateTime approvedAt) {
    }

    public record RejectedItem(UUID requirementId, String documentCode, String reason) {
    }

    public record DocumentsChangesRequested(UUID applicationId, String companyBin, String serviceCode, int round,
                                            List<RejectedItem> rejected, OffsetDateTime at) {
    }
}
