package kz.aifc.expat.application.service;

import kz.aifc.expat.application.model.ApplicantType;
import kz.aifc.expat.application.model.Relation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the REST layer hands to the services: plain records, so the service layer never sees a DTO. */
public final class Commands {

    private Commands() {
    }

    /** Consent to personal-data processing as the company recorded it. */
    public record Consent(String textVersion, Boolean accepted) {
    }

    /** A draft application's data (create, or replace while DRAFT / CHANGES_REQUESTED). */
    public record Draft(java.util.UUID personId, String serviceCode, ApplicantType applicantType,
                        java.util.UUID principalApplicationId, java.util.UUID principalPersonId, Relation relation,
                        Integer childAge, String visaCategory, String variant, String entity,
                        String inDemandProfession, Set<String> options, Integer plannedStayDays,
                        LocalDate requestedVisaEnd, Consent consent) {
    }

    /** A document the officer asks to be corrected (by requirement id or document code). */
    public record RequestedDocument(String requirementId, String documentCode, String reason) {
    }

    /**
     * What a completed case produced. {@code kind}: VISA, TEMPORARY_RESIDENCE, PERMANENT_RESIDENCE (these update the
     * person's current visa/permit and the radar), IIN (the number is the person's IIN), or DOCUMENT (an invitation
     * letter, certificate, registration, signature certificate, cancellation notice: recorded, nothing updated).
     */
    public record Outcome(String kind, String number, String category, LocalDate issuedOn, LocalDate validFrom,
                          LocalDate validUntil, String issuingBody) {
    }

    /** Body of a lifecycle action; which members matter depends on the action. */
    public record ActionCommand(String comment, Integer days, List<RequestedDocument> documents, Outcome outcome,
                                Set<String> reasons) {
        public static final ActionCommand EMPTY = new ActionCommand(null, null, null, null, null);
    }
}
