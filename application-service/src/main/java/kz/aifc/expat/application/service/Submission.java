package kz.aifc.expat.application.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.application.messaging.Events;
import kz.aifc.expat.application.model.Application;
import kz.aifc.expat.application.model.Company;
import kz.aifc.expat.application.model.Person;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;

import static kz.aifc.expat.application.service.CatalogCalls.catalogCall;

/**
 * Submission and resubmission. {@link #prepare} does everything that needs catalog-service — the service and its
 * fees in force, the guide's rules, the resumed deadline — on an unlocked read; {@link #submit}/{@link #resubmit}
 * then write under the row lock, refusing (409, retryable) if the application changed in between.
 */
@ApplicationScoped
public class Submission {

    @Inject
    CatalogFacts catalog;

    @Inject
    SubmissionRules rules;

    @Inject
    DeadlineService deadlines;

    @Inject
    LifecycleService lifecycle;

    @Inject
    Outbox outbox;

    @Inject
    AppClock clock;

    /** What the catalog said, for the application as it was read ({@code version}). */
    public record Prepared(long version, CatalogFacts.ServiceFacts facts, LocalDate resumedDueDate,
                           int pausedWorkingDays, DeadlineService.StartQuote startQuote) {
    }

    Prepared prepare(Application snapshot, Action action) {
        if (!action.allowedFrom(snapshot.state)) {
            return null; // the locked step answers 409 illegal-transition
        }
        // a resubmitted case keeps its filing date: rules and tariff as of the first submission
        LocalDate asOf = action == Action.SUBMIT ? clock.today() : clock.dateOf(snapshot.submittedAt);
        CatalogFacts.ServiceFacts facts = catalog.of(snapshot.serviceCode, asOf);
        CatalogFacts.requireOffered(facts, snapshot.optionSet());
        Person person = Person.findById(snapshot.personId);
        catalogCall(() -> {
            rules.check(snapshot, person, facts.service(), asOf);
            return null;
        });
        DeadlineService.Resumed resumed = action == Action.RESUBMIT ? deadlines.resumed(snapshot) : null;
        // a visit completed while the case was sent back starts the clock once the documents are approved again
        DeadlineService.StartQuote quote = action == Action.RESUBMIT && "COMPLETED".equals(snapshot.appointmentStatus)
                ? deadlines.quoteStart(snapshot) : null; // due() answers a catalog outage with 503
        return new Prepared(snapshot.version, facts, resumed == null ? null : resumed.dueDate(),
                resumed == null ? 0 : resumed.pausedWorkingDays(), quote);
    }

    void submit(Application a, Prepared prepared, String actor, String role, String comment) {
        requireUnchanged(a, prepared);
        JsonNode fees = prepared.facts().fees();
        a.catalogVersion = fees.hasNonNull("catalogVersion") ? fees.get("catalogVersion").asText()
                : prepared.facts().service().path("catalogVersion").asText(null);
        a.feeSnapshot = fees.toString();
        a.processingDays = processingDays(fees.path("processingTime"));
        a.submittedAt = clock.now();
        a.reviewRound = 1;
        lifecycle.transition(a, Action.SUBMIT, actor, role, comment);
        Person person = Person.findById(a.personId);
        Company company = Company.findById(a.companyBin);
        outbox.publish(Events.TOPIC, Events.SUBMITTED, a.id.toString(), new Events.ApplicationSubmitted(a.id,
                a.companyBin, a.serviceCode, a.catalogVersion, a.submittedAt,
                new Events.PersonRef(person.id, person.firstName, person.lastName, person.passportNumber,
                        person.citizenship),
                new Events.Profile(company.legalForm.name(), a.applicantType.name(), a.visaCategory, a.childAge,
                        a.variant, a.entity),
                List.copyOf(a.optionSet()), a.principalApplicationId, a.principalPersonId, a.inDemandProfession));
    }

    void resubmit(Application a, Prepared prepared, String actor, String role, String comment) {
        requireUnchanged(a, prepared);
        a.reviewRound++;
        deadlines.resume(a, prepared.resumedDueDate(), prepared.pausedWorkingDays());
        lifecycle.transition(a, Action.RESUBMIT, actor, role, comment);
        lifecycle.reconcile(a, "system", prepared.startQuote());
    }

    private static void requireUnchanged(Application a, Prepared prepared) {
        if (prepared == null || prepared.version() != a.version) {
            throw ProblemException.conflict("concurrent-update", "The application changed meanwhile",
                    "The application changed while it was being checked; send the request again");
        }
    }

    /** Working days to process, or null when the guide states no processing time (then there is no due date). */
    static Integer processingDays(JsonNode time) {
        if (time == null || time.isMissingNode() || time.isNull()) {
            return null;
        }
        String kind = time.path("kind").asText("WORKING_DAYS");
        if ("MINUTES".equals(kind)) {
            return 0;
        }
        JsonNode max = time.hasNonNull("max") ? time.get("max") : time.get("min");
        return max == null ? null : max.asInt();
    }
}
