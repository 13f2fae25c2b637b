package kz.aifc.expat.application.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** This service's own copy of the event payloads it publishes and consumes (docs/CONTRACTS.md). */
public final class Events {

    public static final String TOPIC = "expat.application";
    public static final String SUBMITTED = "application.submitted";
    public static final String STATUS_CHANGED = "application.status-changed";
    public static final String WITHDRAWN = "application.withdrawn";
    public static final String CHANGES_REQUESTED = "application.changes-requested";
    public static final String COMPLETED = "application.completed";
    public static final String REJECTED = "application.rejected";
    public static final String DEADLINE_RECOMPUTED = "application.deadline-recomputed";

    private Events() {
    }

    // ---- published on expat.application

    public record PersonRef(UUID personId, String firstName, String lastName, String passportNumber,
                            String citizenship) {
    }

    public record Profile(String legalForm, String applicantType, String visaCategory, Integer childAge,
                          String variant, String entity) {
    }

    public record ApplicationSubmitted(UUID applicationId, String companyBin, String serviceCode,
                                       String catalogVersion, OffsetDateTime submittedAt, PersonRef person,
                                       Profile profile, List<String> options, UUID principalApplicationId,
                                       UUID principalPersonId, String inDemandProfession) {
    }

    public record StatusChanged(UUID applicationId, String companyBin, String serviceCode, String from, String to,
                                String actor, OffsetDateTime at, String comment) {
    }

    public record Withdrawn(UUID applicationId, String companyBin, OffsetDateTime at) {
    }

    public record RequestedDocument(String requirementId, String documentCode, String reason) {
    }

    /**
     * {@code fromState}: the stage the case was sent back from; {@code originalsReceived}: the visit already took
     * place, so approving the corrected documents leads back to processing, not to a new booking.
     */
    public record ChangesRequested(UUID applicationId, String companyBin, int round,
                                   List<RequestedDocument> documents, OffsetDateTime at, String fromState,
                                   boolean originalsReceived) {
    }

    /** What the case produced (the number stays in application-service: readers fetch it over REST). */
    public record OutcomeFacts(String kind, String category, LocalDate issuedOn, LocalDate validFrom,
                               LocalDate validUntil, String issuingBody) {
    }

    public record Completed(UUID applicationId, String companyBin, String serviceCode, UUID personId,
                            OutcomeFacts outcome, List<String> outcomeDocumentIds, OffsetDateTime completedAt) {
    }

    public record Rejected(UUID applicationId, String companyBin, String serviceCode, List<String> reasons,
                           String comment, OffsetDateTime at) {
    }

    /** A running due date moved because the office calendar changed. */
    public record DeadlineRecomputed(UUID applicationId, String companyBin, LocalDate previousDueDate,
                                     LocalDate dueDate, LocalDate changedDay, OffsetDateTime at) {
    }

    // ---- consumed from expat.document and expat.appointment (ids as text: a foreign id is skipped, not fatal)

    public record DocumentsApproved(String applicationId, String companyBin, String serviceCode, Integer round,
                                    OffsetDateTime approvedAt) {
    }

    public record DocumentsChangesRequested(String applicationId, String companyBin, String serviceCode, Integer round,
                                            List<RequestedDocument> rejected, OffsetDateTime at) {
    }

    public record OutcomeDocumentUploaded(String applicationId, String companyBin, String documentId,
                                          String filename, OffsetDateTime uploadedAt) {
    }

    /** catalog.calendar-changed: an admin published a holiday, a day off or a transferred working day. */
    public record CalendarChanged(LocalDate date, Boolean working, String kind, String name,
                                  OffsetDateTime changedAt) {
    }

    public record AppointmentEvent(String appointmentId, String applicationId, String companyBin, String serviceCode,
                                   String start, String end, String reason, String actor, OffsetDateTime at) {
    }

}
