package kz.aifc.expat.application.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.application.client.WorkingCalendar;
import kz.aifc.expat.application.model.AppState;
import kz.aifc.expat.application.model.ApplicantType;
import kz.aifc.expat.application.model.Application;
import kz.aifc.expat.application.model.Person;
import kz.aifc.expat.application.model.Relation;
import kz.aifc.expat.defaults.problem.Problem;
import kz.aifc.expat.defaults.problem.ProblemException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The guide's rules checked when an application is submitted (and resubmitted). Each refusal is a 422 problem+json
 * whose {@code rule} member names the rule.
 */
@ApplicationScoped
public class SubmissionRules {

    public static final String VISA = "VISA";
    public static final String TRP = "TEMPORARY_RESIDENCE";
    public static final String PR = "PERMANENT_RESIDENCE";

    @Inject
    WorkingCalendar calendar;

    /** The extension window of a visa expiring on {@code expiry}: 30 to 5 working days before it. */
    public record Window(LocalDate firstDay, LocalDate lastDay) {
    }

    public Window extensionWindow(LocalDate expiry) {
        return new Window(calendar.minusWorkingDays(expiry, 30), calendar.minusWorkingDays(expiry, 5));
    }

    public void check(Application app, Person person, JsonNode service, LocalDate today) {
        String code = app.serviceCode;
        String group = service.hasNonNull("group") ? service.get("group").asText() : ServiceKinds.group(code);

        if (app.consentAt == null || app.consentTextVersion == null) {
            throw ProblemException.ruleViolated("consent-required",
                    "Consent to personal-data processing must be recorded before submission");
        }

        requiredData(app, person, service, group);

        if (app.applicantType == ApplicantType.FAMILY_MEMBER && !offersFamily(code, service)) {
            throw ProblemException.ruleViolated("family-member-not-offered",
                    "Service " + code + " is not offered to family members");
        }

        if (ServiceKinds.EXTENSION_WINDOW.contains(code)) {
            Window w = extensionWindow(person.visaExpires);
            if (today.isBefore(w.firstDay()) || today.isAfter(w.lastDay())) {
                throw ProblemException.ruleViolated("extension-window", "An extension can be filed only from 30 to "
                                + "5 working days before the current visa expires (" + person.visaExpires
                                + "): from " + w.firstDay() + " to " + w.lastDay())
                        .with("windowFirstDay", w.firstDay().toString())
                        .with("windowLastDay", w.lastDay().toString());
            }
            if (!app.companyBin.equals(person.visaHostBin)) {
                throw ProblemException.ruleViolated("extension-same-host", "An extension is possible only with the "
                        + "same host company as the current visa; a new host needs a new visa application");
            }
        }

        if (TRP.equals(group)) {
            String citizenship = person.citizenship;
            int stay = app.plannedStayDays;
            boolean eligible = ServiceKinds.EAEU.contains(citizenship) ? stay > 90
                    : ServiceKinds.CIS.contains(citizenship) && stay > 30;
            if (!eligible) {
                throw ProblemException.ruleViolated("temporary-residence-eligibility", "A temporary residence permit "
                        + "is only for CIS citizens staying over 30 days or EAEU citizens staying over 90 days ("
                        + citizenship + ", " + stay + " days)");
            }
        }

        if (ServiceKinds.VISA_GROUPS.contains(group) && app.requestedVisaEnd != null) {
            if (person.passportExpires.isBefore(app.requestedVisaEnd.plusMonths(3))) {
                throw ProblemException.ruleViolated("passport-validity", "The passport must be valid at least 3 "
                        + "months after the requested visa end (" + app.requestedVisaEnd + "); it expires "
                        + person.passportExpires);
            }
        }
        if (PR.equals(group) && ChronoUnit.DAYS.between(today, person.passportExpires) <= 180) {
            throw ProblemException.ruleViolated("passport-validity", "For permanent residence the passport must be "
                    + "valid over 180 days on the day of submission; it expires " + person.passportExpires);
        }

        if (ServiceKinds.TWO_YEAR_VISA_GROUPS.contains(group) && app.requestedVisaEnd != null
                && app.requestedVisaEnd.isAfter(today.plusYears(2))) {
            throw ProblemException.ruleViolated("visa-max-validity",
                    "Work and investor visas are issued for up to 2 years");
        }
        if (app.requestedVisaEnd != null && !app.requestedVisaEnd.isAfter(today)) {
            throw ProblemException.ruleViolated("visa-end-in-past", "The requested visa end must be in the future");
        }

        if ("iin".equals(code) && person.iin != null) {
            throw ProblemException.ruleViolated("iin-already-assigned", "The person already has an IIN");
        }

        if (app.applicantType == ApplicantType.FAMILY_MEMBER) {
            principalHoldsMatchingVisa(app, group, today);
        }
    }

    private void requiredData(Application app, Person person, JsonNode service, String group) {
        String code = app.serviceCode;
        List<Problem.FieldError> errors = new ArrayList<>();
        if (ServiceKinds.VISA_GROUPS.contains(group) && !code.startsWith("visa-cancellation")
                && app.requestedVisaEnd == null) {
            errors.add(new Problem.FieldError("requestedVisaEnd", "required for a visa service"));
        }
        Set<String> categories = categories(code, service);
        if (!categories.isEmpty()) {
            if (app.visaCategory == null) {
                errors.add(new Problem.FieldError("visaCategory", "required: one of " + categories));
            } else if (!categories.contains(app.visaCategory)) {
                errors.add(new Problem.FieldError("visaCategory", "must be one of " + categories));
            }
        }
        if (ServiceKinds.NEEDS_CURRENT_VISA.contains(code)) {
            if (person.visaNumber == null) {
                errors.add(new Problem.FieldError("person.currentVisa.number", "the current visa is required"));
            }
            if (person.visaExpires == null) {
                errors.add(new Problem.FieldError("person.currentVisa.validUntil", "the current visa is required"));
            }
            if (ServiceKinds.EXTENSION_WINDOW.contains(code) && person.visaHostBin == null) {
                errors.add(new Problem.FieldError("person.currentVisa.hostBin", "the current visa's host is required"));
            }
        }
        if (ServiceKinds.NEEDS_IIN.contains(code) && person.iin == null) {
            errors.add(new Problem.FieldError("person.iin", "the foreigner's IIN is required for " + code));
        }
        if (TRP.equals(group) && app.plannedStayDays == null) {
            errors.add(new Problem.FieldError("plannedStayDays", "required for a temporary residence permit"));
        }
        if ("trp-employment".equals(code)
                && (app.variant == null || !Set.of("EMPLOYEE", "EXPERT").contains(app.variant))) {
            errors.add(new Problem.FieldError("variant", "required: EMPLOYEE or EXPERT"));
        }
        if ("digital-signature".equals(code)) {
            if (app.entity == null || !Set.of("INDIVIDUAL", "LEGAL_ENTITY").contains(app.entity)) {
                errors.add(new Problem.FieldError("entity", "required: INDIVIDUAL or LEGAL_ENTITY"));
            }
            if (person.iin == null) {
                errors.add(new Problem.FieldError("person.iin", "an electronic signature needs the IIN"));
            }
        }
        // The guide's service is for foreigners on the list of in-demand professions; a family member comes with
        // the principal (checked by family-principal-visa) and needs no profession of their own.
        if (PR.equals(group) && app.applicantType != ApplicantType.FAMILY_MEMBER
                && (app.inDemandProfession == null || app.inDemandProfession.isBlank())) {
            errors.add(new Problem.FieldError("inDemandProfession", "required for permanent residence: the "
                    + "in-demand profession the applicant qualifies under"));
        }
        if (app.applicantType == ApplicantType.FAMILY_MEMBER) {
            boolean byApp = app.principalApplicationId != null;
            boolean byPerson = app.principalPersonId != null;
            if (byApp == byPerson) {
                String message = byApp ? "give either principalApplicationId or principalPersonId, not both"
                        : "required for a family member: principalApplicationId (the principal's application at "
                        + "the centre) or principalPersonId (a person holding a valid visa/permit)";
                errors.add(new Problem.FieldError("principalApplicationId", message));
                errors.add(new Problem.FieldError("principalPersonId", message));
            } else if (byPerson && app.principalPersonId.equals(app.personId)) {
                errors.add(new Problem.FieldError("principalPersonId", "the principal must be another person"));
            }
            if (app.relation == null) {
                errors.add(new Problem.FieldError("relation", "required for a family member: SPOUSE or CHILD"));
            }
            if (app.relation == Relation.CHILD && app.childAge == null) {
                errors.add(new Problem.FieldError("childAge", "required for a child"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "rule-violated/required-data", "Business rule violated: required-data",
                    "Data required for " + code + " is missing or invalid", errors).with("rule", "required-data");
        }
    }

    private void principalHoldsMatchingVisa(Application app, String group, LocalDate today) {
        if (app.principalPersonId != null) {
            principalPersonHoldsMatchingVisa(app, group, today);
            return;
        }
        Application principal = Application.findById(app.principalApplicationId);
        if (principal == null || !principal.companyBin.equals(app.companyBin)
                || principal.applicantType != ApplicantType.PRINCIPAL) {
            throw ProblemException.ruleViolated("family-principal-visa",
                    "The principal application " + app.principalApplicationId + " is not a principal of this company");
        }
        String principalGroup = ServiceKinds.group(principal.serviceCode);
        if (!group.equals(principalGroup)) {
            throw ProblemException.ruleViolated("family-principal-visa", "The principal's application ("
                    + principal.serviceCode + ") is not of the matching kind for " + app.serviceCode);
        }
        Person principalPerson = Person.findById(principal.personId);
        boolean inProgress = principal.state != AppState.DRAFT && !principal.state.isFinal();
        boolean holdsValid = principal.state == AppState.COMPLETED && principalPerson.visaExpires != null
                && !principalPerson.visaExpires.isBefore(today);
        if (!inProgress && !holdsValid) {
            throw ProblemException.ruleViolated("family-principal-visa", "The principal must hold a valid "
                    + "visa/permit of the matching kind or have an application for it in progress (principal is "
                    + principal.state + ")");
        }
    }

    /** A principal who got the visa/permit outside the centre: the person's current visa is the evidence. */
    private void principalPersonHoldsMatchingVisa(Application app, String group, LocalDate today) {
        Person principal = Person.findById(app.principalPersonId);
        if (principal == null || !principal.companyBin.equals(app.companyBin)) {
            throw ProblemException.ruleViolated("family-principal-visa",
                    "The principal person " + app.principalPersonId + " is not a person of this company");
        }
        if (principal.visaExpires == null || (principal.visaType == null && principal.visaCategory == null)) {
            throw ProblemException.ruleViolated("family-principal-visa", "The principal person has no current "
                    + "visa/permit on record (type/category and validUntil are needed)");
        }
        String held = (principal.visaType == null ? "VISA" : principal.visaType)
                + (principal.visaCategory == null ? "" : " " + principal.visaCategory);
        if (!ServiceKinds.groupsMatchedByHeld(principal.visaType, principal.visaCategory).contains(group)) {
            throw ProblemException.ruleViolated("family-principal-visa", "The principal's current " + held
                    + " is not of the matching kind for " + app.serviceCode + " (" + group + ")");
        }
        if (principal.visaExpires.isBefore(today)) {
            throw ProblemException.ruleViolated("family-principal-visa", "The principal's current " + held
                    + " expired on " + principal.visaExpires + "; it must be valid on the day of submission ("
                    + today + ")");
        }
    }

    private static boolean offersFamily(String code, JsonNode service) {
        for (String field : List.of("familyMember", "familyMembers", "servesFamilyMembers")) {
            if (service.has(field) && service.get(field).isBoolean()) {
                return service.get(field).asBoolean();
            }
        }
        return ServiceKinds.FAMILY_SERVICES.contains(code);
    }

    private static Set<String> categories(String code, JsonNode service) {
        JsonNode fromCatalog = service.get("visaCategories");
        if (fromCatalog != null && fromCatalog.isArray() && !fromCatalog.isEmpty()) {
            Set<String> values = new HashSet<>();
            fromCatalog.forEach(v -> values.add(v.isTextual() ? v.asText() : v.path("code").asText()));
            return values;
        }
        return ServiceKinds.CATEGORIES.getOrDefault(code, Set.of());
    }
}
