package kz.aifc.expat.application.rest;

import kz.aifc.expat.application.service.Commands;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.aifc.expat.application.model.ApplicantType;
import kz.aifc.expat.application.model.LegalForm;
import kz.aifc.expat.application.model.Relation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request and response bodies of the REST API; entities never cross the wire. */
public final class Dtos {

    private Dtos() {
    }

    public static final String LATIN_NAME = "^[A-Za-z][A-Za-z' \\-]*$";

    /** Optional text that, when given, has a non-space character (null passes, as with every constraint). */
    public static final String NOT_BLANK = "(?s).*\\S.*";

    // ---- companies

    public record CompanyRequest(@NotBlank @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String bin,
                                 @NotBlank @Size(max = 300) String name,
                                 @NotNull LegalForm legalForm) {
    }

    public record CompanyView(String bin, String name, LegalForm legalForm, OffsetDateTime createdAt) {
    }

    /** Languages notifications are written in. */
    public static final String LANGUAGE = "kk|ru|en";
    public static final String LANGUAGE_MESSAGE = "kk, ru or en";
    /** A plain address: what @Email accepts, minus display names, spaces and anything but one @. */
    public static final String EMAIL = "^[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+$";

    public record NotificationContactItem(@NotBlank @Size(max = 254) @Email(regexp = EMAIL,
            message = "must be an e-mail address") String email,
                                          @NotBlank @Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE)
                                          String language) {
    }

    public record NotificationContacts(@NotNull @Size(max = 20) List<@NotNull @Valid NotificationContactItem> contacts) {
    }

    public record NotificationContactsView(String companyBin, List<NotificationContactItem> contacts,
                                           OffsetDateTime updatedAt, String updatedBy) {
    }

    // ---- persons

    public record CurrentVisa(@Size(max = 30) @Pattern(regexp = "VISA|TEMPORARY_RESIDENCE|PERMANENT_RESIDENCE",
            message = "must be VISA, TEMPORARY_RESIDENCE or PERMANENT_RESIDENCE") String type,
                              @Size(max = 10) String category,
                              @Size(max = 40) String number,
                              LocalDate validUntil,
                              @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String hostBin) {
    }

    public record PersonRequest(@NotBlank @Size(max = 100) @Pattern(regexp = LATIN_NAME,
            message = "Latin letters as in the passport") String firstName,
                                @NotBlank @Size(max = 100) @Pattern(regexp = LATIN_NAME,
                                        message = "Latin letters as in the passport") String lastName,
                                @NotNull @Past LocalDate dateOfBirth,
                                @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "ISO 3166 alpha-3 code")
                                String citizenship,
                                @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Z0-9]+",
                                        message = "upper-case letters and digits") String passportNumber,
                                LocalDate passportIssuedOn,
                                @NotNull LocalDate passportExpiresOn,
                                String iin,
                                @Valid CurrentVisa currentVisa,
                                @Schema(description = "The person's own e-mail address (notifications only with "
                                        + "contactConsent)") @Size(max = 254) @Email(regexp = EMAIL,
                                        message = "must be an e-mail address") String email,
                                @Schema(description = "Language of the person's notifications: kk, ru or en")
                                @Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE) String preferredLanguage,
                                @Schema(description = "The person agreed to be contacted by e-mail (false when "
                                        + "absent)") Boolean contactConsent) {
    }

    public record PersonView(UUID id, String companyBin, String firstName, String lastName, LocalDate dateOfBirth,
                             String citizenship, String passportNumber, LocalDate passportIssuedOn,
                             LocalDate passportExpiresOn, String iin, CurrentVisa currentVisa, String email,
                             String preferredLanguage, boolean contactConsent, OffsetDateTime contactConsentAt,
                             long version) {
    }

    // ---- applications

    public record ConsentRequest(@NotBlank @Size(max = 50) String textVersion, @NotNull Boolean accepted) {
        Commands.Consent toCommand() {
            return new Commands.Consent(textVersion, accepted);
        }
    }

    public record ApplicationRequest(@NotNull UUID personId,
                                     @NotBlank @Size(max = 80) String serviceCode,
                                     ApplicantType applicantType,
                                     @Schema(description = "Family member: the principal's application at the "
                                             + "centre (or give principalPersonId instead, not both)")
                                     UUID principalApplicationId,
                                     @Schema(description = "Family member: a person of the same company who "
                                             + "already holds a valid visa/permit of the matching kind (instead "
                                             + "of principalApplicationId)")
                                     UUID principalPersonId,
                                     Relation relation,
                                     @Min(0) @Max(25) Integer childAge,
                                     @Size(max = 10) String visaCategory,
                                     @Size(max = 30) String variant,
                                     @Schema(description = "Who the applicant is for services whose documents "
                                             + "depend on it", enumeration = {"INDIVIDUAL", "LEGAL_ENTITY"})
                                     @Pattern(regexp = "INDIVIDUAL|LEGAL_ENTITY",
                                             message = "INDIVIDUAL or LEGAL_ENTITY") String entity,
                                     @Schema(description = "Permanent residence: the in-demand profession (code "
                                             + "or name from the list of in-demand professions) the applicant "
                                             + "qualifies under; required at submission for a principal",
                                             maxLength = 200)
                                     @Size(max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
                                     String inDemandProfession,
                                     Set<@Pattern(regexp = "PERSONAL_MANAGER|PRIORITY",
                                             message = "PERSONAL_MANAGER or PRIORITY") String> options,
                                     @Min(1) @Max(3650) Integer plannedStayDays,
                                     LocalDate requestedVisaEnd,
                                     @Valid ConsentRequest consent) {
        Commands.Draft toCommand() {
            return new Commands.Draft(personId, serviceCode, applicantType, principalApplicationId, principalPersonId,
                    relation, childAge, visaCategory, variant, entity, inDemandProfession, options, plannedStayDays,
                    requestedVisaEnd, consent == null ? null : consent.toCommand());
        }
    }

    public record ConsentView(String textVersion, OffsetDateTime at) {
    }

    public record AppointmentView(String appointmentId, String status, String start) {
    }

    public record ApplicationView(UUID id, String companyBin, String legalForm, UUID personId, String personName,
                                  String serviceCode, String state, String applicantType,
                                  UUID principalApplicationId, UUID principalPersonId, Relation relation,
                                  Integer childAge, String visaCategory, String variant, String entity,
                                  String inDemandProfession, Set<String> options,
                                  Integer plannedStayDays, LocalDate requestedVisaEnd, ConsentView consent,
                                  String catalogVersion, Integer reviewRound, int documentsApprovedRound,
                                  OffsetDateTime submittedAt,
                                  OffsetDateTime originalsReceivedAt, LocalDate dueDate, boolean deadlinePaused,
                                  int deadlineExtensionDays, String deadlineExtensionReason,
                                  AppointmentView appointment, OutcomeView outcome, RejectionView rejection,
                                  String assignee, OffsetDateTime createdAt,
                                  OffsetDateTime updatedAt, long version, List<String> allowedActions) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record RequestedDocument(@Size(max = 80) String requirementId, @Size(max = 80) String documentCode,
                                    @Size(max = 1000) String reason) {
    }

    @Schema(description = "What a completed case produced. kind VISA, TEMPORARY_RESIDENCE, PERMANENT_RESIDENCE "
            + "(number and validUntil required; the person's current visa/permit and the radar follow), IIN (number = "
            + "the 12-digit IIN, recorded on the person) or DOCUMENT (letter, certificate, registration, signature "
            + "certificate, cancellation: recorded). The issued document itself is uploaded to document-service "
            + "first (outcome documents).")
    public record OutcomeRequest(@NotBlank @Pattern(regexp = "VISA|TEMPORARY_RESIDENCE|PERMANENT_RESIDENCE|IIN|DOCUMENT",
            message = "VISA, TEMPORARY_RESIDENCE, PERMANENT_RESIDENCE, IIN or DOCUMENT") String kind,
                                 @Size(max = 60) String number,
                                 @Size(max = 10) String category,
                                 LocalDate issuedOn,
                                 LocalDate validFrom,
                                 LocalDate validUntil,
                                 @Size(max = 300) String issuingBody) {
        Commands.Outcome toCommand() {
            return new Commands.Outcome(kind, number, category, issuedOn, validFrom, validUntil, issuingBody);
        }
    }

    /** Body of a lifecycle action; which members matter depends on the action. */
    public record ActionRequest(@Size(max = 2000) String comment,
                                @Min(1) @Max(30) Integer days,
                                List<@Valid RequestedDocument> documents,
                                @Schema(description = "complete: what was issued") @Valid OutcomeRequest outcome,
                                @Schema(description = "reject: DOCUMENTS_INCOMPLETE, DOCUMENTS_INVALID, NOT_ELIGIBLE, "
                                        + "STATE_BODY_REFUSED, SECURITY_CHECK_FAILED, DUPLICATE_APPLICATION, OTHER "
                                        + "(plus comment)")
                                @Size(max = 7) Set<@Size(max = 40) String> reasons) {
        Commands.ActionCommand toCommand() {
            return new Commands.ActionCommand(comment, days, documents == null ? null : documents.stream()
                    .map(d -> new Commands.RequestedDocument(d.requirementId(), d.documentCode(), d.reason()))
                    .toList(), outcome == null ? null : outcome.toCommand(), reasons);
        }
    }

    public record OutcomeView(String kind, String number, String category, LocalDate issuedOn, LocalDate validFrom,
                              LocalDate validUntil, String issuingBody, List<String> documentIds) {
    }

    public record RejectionView(List<String> reasons, String comment) {
    }

    public record ExtensionRequest(@Size(max = 80) String serviceCode) {
    }

    public record ExtensionWindowView(String status, LocalDate today, LocalDate firstDay, LocalDate lastDay,
                                      LocalDate currentValidUntil, boolean sameHostCompany) {
    }

    public record ExtensionDraftView(ApplicationView application, ExtensionWindowView extensionWindow) {
    }

    public record AssignRequest(@NotBlank @Size(max = 200) String officer) {
    }

    public record HistoryView(String action, String from, String to, String actor, String actorRole,
                              OffsetDateTime at, String comment) {
    }

    public record NoteRequest(@NotBlank @Size(max = 4000) String text) {
    }

    public record NoteView(UUID id, String author, OffsetDateTime at, String text) {
    }

    public record DeadlineItem(UUID id, String companyBin, String serviceCode, String state, LocalDate dueDate,
                               String assignee) {
    }

    public record Deadlines(LocalDate today, LocalDate nearingUntil, List<DeadlineItem> overdue,
                            List<DeadlineItem> nearingDue) {
    }

    public record RadarItem(UUID personId, String firstName, String lastName, String visaType, String visaCategory,
                            String visaNumber, LocalDate validUntil, LocalDate windowFirstDay,
                            LocalDate windowLastDay, boolean windowOpen) {
    }
}
