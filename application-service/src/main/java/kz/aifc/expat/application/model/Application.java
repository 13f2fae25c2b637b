package kz.aifc.expat.application.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The case: who applies for which service, on whose behalf, in what state and by when it is due. */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "company_bin", nullable = false)
    public String companyBin;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "service_code", nullable = false)
    public String serviceCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "applicant_type", nullable = false)
    public ApplicantType applicantType;

    @Column(name = "principal_application_id")
    public UUID principalApplicationId;

    /** A family member's principal who holds a visa/permit obtained outside the centre (instead of an application). */
    @Column(name = "principal_person_id")
    public UUID principalPersonId;

    @Enumerated(EnumType.STRING)
    public Relation relation;

    @Column(name = "child_age")
    public Integer childAge;

    @Column(name = "visa_category")
    public String visaCategory;

    public String variant;

    public String entity;

    /** Permanent residence: the in-demand profession ("востребованная профессия") the applicant qualifies under. */
    @Column(name = "in_demand_profession")
    public String inDemandProfession;

    /** Comma-separated fee options (PERSONAL_MANAGER, PRIORITY). */
    public String options;

    @Column(name = "planned_stay_days")
    public Integer plannedStayDays;

    @Column(name = "requested_visa_end")
    public LocalDate requestedVisaEnd;

    @Column(name = "consent_text_version")
    public String consentTextVersion;

    @Column(name = "consent_at")
    public OffsetDateTime consentAt;

    @Column(name = "catalog_version")
    public String catalogVersion;

    /** The catalog's fee schedule (JSON) in force at first submission, frozen. */
    @Column(name = "fee_snapshot")
    public String feeSnapshot;

    /** Processing time in working days from the frozen fee schedule (upper bound of a range; 0 for minutes). */
    @Column(name = "processing_days")
    public Integer processingDays;

    /** 1 at first submission, +1 at every resubmission. */
    @Column(name = "review_round", nullable = false)
    public int reviewRound;

    /** Latest document-review round document-service approved (documents.approved). */
    @Column(name = "docs_approved_round", nullable = false)
    public int docsApprovedRound;

    /** Latest round sent back for changes (documents.changes-requested, or an officer's request). */
    @Column(name = "docs_changes_round", nullable = false)
    public int docsChangesRound;

    @Column(name = "appointment_id")
    public String appointmentId;

    /** What scheduling-service last told us: BOOKED, CANCELLED, NO_SHOW, COMPLETED. */
    @Column(name = "appointment_status")
    public String appointmentStatus;

    @Column(name = "appointment_start")
    public String appointmentStart;

    @Column(name = "appointment_event_at")
    public OffsetDateTime appointmentEventAt;

    /** Comma-separated ids of appointments known to be cancelled (a late "booked" for them is ignored). */
    @Column(name = "cancelled_appointments")
    public String cancelledAppointments;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "originals_received_at")
    public OffsetDateTime originalsReceivedAt;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "paused_since")
    public LocalDate pausedSince;

    @Column(name = "paused_working_days", nullable = false)
    public int pausedWorkingDays;

    @Column(name = "extension_days", nullable = false)
    public int extensionDays;

    @Column(name = "extension_reason")
    public String extensionReason;

    public String assignee;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "outcome_kind")
    public String outcomeKind;

    @Column(name = "outcome_number")
    public String outcomeNumber;

    @Column(name = "outcome_category")
    public String outcomeCategory;

    @Column(name = "outcome_issued_on")
    public LocalDate outcomeIssuedOn;

    @Column(name = "outcome_valid_from")
    public LocalDate outcomeValidFrom;

    @Column(name = "outcome_valid_until")
    public LocalDate outcomeValidUntil;

    @Column(name = "outcome_issuing_body")
    public String outcomeIssuingBody;

    /** Ids of the issued documents stored in document-service (comma-separated, upload order). */
    @Column(name = "outcome_documents")
    public String outcomeDocuments;

    /** Structured rejection reasons (comma-separated codes) and the officer's text. */
    @Column(name = "rejection_reasons")
    public String rejectionReasons;

    @Column(name = "rejection_comment")
    public String rejectionComment;

    @Version
    public long version;

    public java.util.List<String> outcomeDocumentIds() {
        return outcomeDocuments == null || outcomeDocuments.isBlank() ? java.util.List.of()
                : java.util.List.of(outcomeDocuments.split(","));
    }

    /** Records an outcome document id once (a redelivered event adds nothing). */
    public boolean addOutcomeDocument(String documentId) {
        if (outcomeDocumentIds().contains(documentId)) {
            return false;
        }
        outcomeDocuments = outcomeDocuments == null || outcomeDocuments.isBlank() ? documentId
                : outcomeDocuments + "," + documentId;
        return true;
    }

    public Set<String> rejectionReasonSet() {
        return rejectionReasons == null || rejectionReasons.isBlank() ? Set.of()
                : new java.util.TreeSet<>(Arrays.asList(rejectionReasons.split(",")));
    }

    public Set<String> optionSet() {
        if (options == null || options.isBlank()) {
            return new LinkedHashSet<>();
        }
        return Arrays.stream(options.split(",")).filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public boolean appointmentCancelled(String appointment) {
        return cancelledAppointments != null && Arrays.asList(cancelledAppointments.split(",")).contains(appointment);
    }

    public void markAppointmentCancelled(String appointment) {
        if (!appointmentCancelled(appointment)) {
            cancelledAppointments = cancelledAppointments == null || cancelledAppointments.isBlank() ? appointment
                    : cancelledAppointments + "," + appointment;
        }
    }
}
