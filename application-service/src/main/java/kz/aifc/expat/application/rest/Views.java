package kz.aifc.expat.application.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.application.model.Application;
import kz.aifc.expat.application.model.Company;
import kz.aifc.expat.application.model.HistoryEntry;
import kz.aifc.expat.application.model.Note;
import kz.aifc.expat.application.model.Person;
import kz.aifc.expat.application.rest.Dtos.*;
import kz.aifc.expat.application.service.LifecycleService;

import java.util.List;

/** Entity → response mapping; internal notes have their own view and never appear in an application view. */
@ApplicationScoped
public class Views {

    @Inject
    LifecycleService lifecycle;

    public ApplicationView of(Application a) {
        Company c = Company.findById(a.companyBin);
        Person p = Person.findById(a.personId);
        return new ApplicationView(a.id, a.companyBin, c == null ? null : c.legalForm.name(), a.personId,
                p == null ? null : p.firstName + " " + p.lastName, a.serviceCode, a.state.name(),
                a.applicantType.name(), a.principalApplicationId, a.principalPersonId, a.relation, a.childAge,
                a.visaCategory, a.variant, a.entity, a.inDemandProfession, a.optionSet(), a.plannedStayDays,
                a.requestedVisaEnd,
                a.consentAt == null ? null : new ConsentView(a.consentTextVersion, a.consentAt), a.catalogVersion,
                a.reviewRound == 0 ? null : a.reviewRound, a.docsApprovedRound, a.submittedAt, a.originalsReceivedAt, a.dueDate,
                a.pausedSince != null, a.extensionDays, a.extensionReason,
                a.appointmentId == null ? null : new AppointmentView(a.appointmentId, a.appointmentStatus,
                        a.appointmentStart),
                a.outcomeKind == null && a.outcomeDocumentIds().isEmpty() ? null : new OutcomeView(a.outcomeKind,
                        a.outcomeNumber, a.outcomeCategory, a.outcomeIssuedOn, a.outcomeValidFrom,
                        a.outcomeValidUntil, a.outcomeIssuingBody, a.outcomeDocumentIds()),
                a.rejectionReasons == null ? null : new RejectionView(List.copyOf(a.rejectionReasonSet()),
                        a.rejectionComment),
                a.assignee, a.createdAt, a.updatedAt, a.version, lifecycle.allowedActions(a));
    }

    public static CompanyView of(Company c) {
        return new CompanyView(c.bin, c.name, c.legalForm, c.createdAt);
    }

    public static PersonView of(Person p) {
        CurrentVisa visa = p.visaType == null && p.visaNumber == null && p.visaExpires == null ? null
                : new CurrentVisa(p.visaType, p.visaCategory, p.visaNumber, p.visaExpires, p.visaHostBin);
        return new PersonView(p.id, p.companyBin, p.firstName, p.lastName, p.dateOfBirth, p.citizenship,
                p.passportNumber, p.passportIssued, p.passportExpires, p.iin, visa, p.email, p.preferredLanguage,
                p.contactConsent, p.contactConsentAt, p.version);
    }

    public static HistoryView of(HistoryEntry h) {
        return new HistoryView(h.action, h.fromState == null ? null : h.fromState.name(), h.toState.name(), h.actor,
                h.actorRole, h.at, h.comment);
    }

    public static NoteView of(Note n) {
        return new NoteView(n.id, n.author, n.at, n.text);
    }

    public static DeadlineItem deadline(Application a) {
        return new DeadlineItem(a.id, a.companyBin, a.serviceCode, a.state.name(), a.dueDate, a.assignee);
    }
}
