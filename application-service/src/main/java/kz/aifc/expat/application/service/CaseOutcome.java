package kz.aifc.expat.application.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import kz.aifc.expat.application.messaging.Events;
import kz.aifc.expat.application.model.Application;
import kz.aifc.expat.application.model.Person;
import kz.aifc.expat.application.service.Commands.Outcome;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.problem.Problem;
import kz.aifc.expat.defaults.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a case ends. Completion records what was issued (structured data here, the issued document itself in
 * document-service as an outcome document, which must be uploaded first) and updates the person's current visa or
 * permit (the radar reads it) or IIN; rejection records structured reasons plus the officer's text. Both are
 * published for the other services and the notifications.
 */
@ApplicationScoped
public class CaseOutcome {

    /** Kinds of outcome; the first three are a visa or permit the person now holds. */
    public static final Set<String> KINDS = Set.of("VISA", "TEMPORARY_RESIDENCE", "PERMANENT_RESIDENCE", "IIN",
            "DOCUMENT");
    static final Set<String> HELD = Set.of("VISA", "TEMPORARY_RESIDENCE", "PERMANENT_RESIDENCE");

    /** Why a case is rejected (the officer adds free text). */
    public static final Set<String> REJECTION_REASONS = Set.of("DOCUMENTS_INCOMPLETE", "DOCUMENTS_INVALID",
            "NOT_ELIGIBLE", "STATE_BODY_REFUSED", "SECURITY_CHECK_FAILED", "DUPLICATE_APPLICATION", "OTHER");

    @Inject
    LifecycleService lifecycle;

    @Inject
    Outbox outbox;

    @Inject
    AppClock clock;

    void complete(Application a, Outcome outcome, String actor, String role, String comment) {
        validate(outcome);
        if (a.outcomeDocumentIds().isEmpty()) {
            throw ProblemException.ruleViolated("outcome-document-missing", "Upload the issued document to "
                    + "document-service first (POST /api/v1/applications/" + a.id + "/outcome-documents); it can "
                    + "take a few seconds to be registered here");
        }
        a.outcomeKind = outcome.kind();
        a.outcomeNumber = outcome.number() == null ? null : outcome.number().strip();
        a.outcomeCategory = outcome.category();
        a.outcomeIssuedOn = outcome.issuedOn();
        a.outcomeValidFrom = outcome.validFrom();
        a.outcomeValidUntil = outcome.validUntil();
        a.outcomeIssuingBody = outcome.issuingBody();
        lifecycle.transition(a, Action.COMPLETE, actor, role, comment);
        Person p = Person.findById(a.personId, LockModeType.PESSIMISTIC_WRITE);
        if (HELD.contains(outcome.kind())) {
            p.visaType = outcome.kind();
            p.visaCategory = outcome.category();
            p.visaNumber = a.outcomeNumber;
            p.visaExpires = outcome.validUntil();
            p.visaHostBin = a.companyBin;
            p.visaServiceCode = a.serviceCode;
            p.updatedAt = clock.now();
        } else if ("IIN".equals(outcome.kind())) {
            p.iin = a.outcomeNumber;
            p.updatedAt = clock.now();
        }
        outbox.publish(Events.TOPIC, Events.COMPLETED, a.id.toString(), new Events.Completed(a.id, a.companyBin,
                a.serviceCode, a.personId, new Events.OutcomeFacts(outcome.kind(), outcome.category(),
                outcome.issuedOn(), outcome.validFrom(), outcome.validUntil(), outcome.issuingBody()),
                a.outcomeDocumentIds(), clock.now()));
    }

    void reject(Application a, Set<String> reasons, String actor, String role, String comment) {
        if (LifecycleService.blank(comment)) {
            throw ProblemException.badRequest("comment", "a reason the company can read is required to reject");
        }
        if (reasons == null || reasons.isEmpty()) {
            throw ProblemException.badRequest("reasons", "name at least one of " + new TreeSet<>(REJECTION_REASONS));
        }
        for (String reason : reasons) {
            if (!REJECTION_REASONS.contains(reason)) {
                throw ProblemException.badRequest("reasons", "'" + reason + "' is not one of "
                        + new TreeSet<>(REJECTION_REASONS));
            }
        }
        a.rejectionReasons = String.join(",", new TreeSet<>(reasons));
        a.rejectionComment = comment.strip();
        lifecycle.transition(a, Action.REJECT, actor, role, comment);
        outbox.publish(Events.TOPIC, Events.REJECTED, a.id.toString(), new Events.Rejected(a.id, a.companyBin,
                a.serviceCode, List.copyOf(new TreeSet<>(reasons)), a.rejectionComment, clock.now()));
    }

    private void validate(Outcome o) {
        if (o == null) {
            throw ProblemException.badRequest("outcome", "completing a case records what was issued: kind, "
                    + "issuedOn and, for a visa or permit, number and validUntil");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (o.kind() == null || !KINDS.contains(o.kind())) {
            errors.add(new Problem.FieldError("outcome.kind", "one of " + new TreeSet<>(KINDS)));
        }
        if (o.issuedOn() == null) {
            errors.add(new Problem.FieldError("outcome.issuedOn", "is required"));
        } else if (o.issuedOn().isAfter(clock.today())) {
            errors.add(new Problem.FieldError("outcome.issuedOn", "cannot be in the future"));
        }
        if (HELD.contains(o.kind())) {
            if (LifecycleService.blank(o.number())) {
                errors.add(new Problem.FieldError("outcome.number", "a visa or permit has a number"));
            }
            if (o.validUntil() == null) {
                errors.add(new Problem.FieldError("outcome.validUntil", "a visa or permit has an end of validity"));
            }
        }
        if ("IIN".equals(o.kind()) && (o.number() == null || !Checksums.validIinOrBin(o.number().strip()))) {
            errors.add(new Problem.FieldError("outcome.number", "a valid 12-digit IIN"));
        }
        if (o.validFrom() != null && o.validUntil() != null && o.validUntil().isBefore(o.validFrom())) {
            errors.add(new Problem.FieldError("outcome.validUntil", "cannot be before validFrom"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The outcome is incomplete", errors);
        }
    }
}
