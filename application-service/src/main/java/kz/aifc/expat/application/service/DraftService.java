package kz.aifc.expat.application.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.application.model.AppState;
import kz.aifc.expat.application.model.ApplicantType;
import kz.aifc.expat.application.model.Application;
import kz.aifc.expat.application.model.Company;
import kz.aifc.expat.application.model.Person;
import kz.aifc.expat.application.service.Commands.Consent;
import kz.aifc.expat.application.service.Commands.Draft;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;

import java.util.UUID;

/**
 * Drafts: create, replace (while DRAFT or CHANGES_REQUESTED) and consent. The service and its options are checked
 * against the catalog first (422 naming an unknown service or an option not offered), before the application row
 * is written or locked. (With an Idempotency-Key the request runs inside the key's transaction, which locks only
 * that key: the write joins it, so the answer and the key's record commit together.)
 */
@ApplicationScoped
public class DraftService {

    @Inject
    CallerContext caller;

    @Inject
    CompanyService companies;

    @Inject
    PersonService persons;

    @Inject
    ApplicationQueries queries;

    @Inject
    LifecycleService lifecycle;

    @Inject
    CatalogFacts catalog;

    @Inject
    AppClock clock;

    /** What the draft chooses must be offered by its service (read before any transaction: a remote call). */
    private void requireOffered(Draft draft) {
        CatalogFacts.ServiceFacts facts = catalog.of(draft.serviceCode(), clock.today());
        CatalogFacts.requireOffered(facts, draft.options());
        CatalogFacts.requireKnownChoices(facts, draft.visaCategory(), draft.variant());
    }

    public Application create(Draft draft) {
        requireOffered(draft);
        return QuarkusTransaction.joiningExisting().call(() -> {
            Company company = companies.mine();
            Person person = persons.visible(draft.personId(), false);
            if (!person.companyBin.equals(company.bin)) {
                throw ProblemException.notFound("Person", draft.personId());
            }
            Application a = new Application();
            a.id = UUID.randomUUID();
            a.companyBin = company.bin;
            a.state = AppState.DRAFT;
            a.createdBy = caller.actorName();
            a.createdAt = clock.now();
            apply(a, draft);
            a.updatedAt = a.createdAt;
            a.persist();
            lifecycle.history(a, "create", null, AppState.DRAFT, caller.actorName(), lifecycle.callerRole(), null);
            Application.flush();
            return a;
        });
    }

    public Application update(UUID id, Draft draft, String ifMatch) {
        requireOffered(draft);
        return QuarkusTransaction.joiningExisting().call(() -> {
            Application a = queries.visible(id, true);
            Preconditions.required(ifMatch, a.version);
            if (a.state != AppState.DRAFT && a.state != AppState.CHANGES_REQUESTED) {
                throw lifecycle.illegal(a, "edit");
            }
            if (!a.serviceCode.equals(draft.serviceCode()) && a.state != AppState.DRAFT) {
                throw ProblemException.conflict("service-fixed", "The service cannot change after submission",
                        "Withdraw this application and file a new one for another service");
            }
            Person person = persons.visible(draft.personId(), false);
            if (!person.companyBin.equals(a.companyBin)) {
                throw ProblemException.notFound("Person", draft.personId());
            }
            apply(a, draft);
            a.updatedAt = clock.now();
            Application.flush();
            return a;
        });
    }

    public Application consent(UUID id, Consent consent, String ifMatch) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Application a = queries.visible(id, true);
            Preconditions.ifMatch(ifMatch, a.version);
            if (a.state.isFinal()) {
                throw lifecycle.illegal(a, "consent");
            }
            recordConsent(a, consent);
            a.updatedAt = clock.now();
            Application.flush();
            return a;
        });
    }

    private void apply(Application a, Draft d) {
        a.personId = d.personId();
        a.serviceCode = d.serviceCode();
        a.applicantType = d.applicantType() == null ? ApplicantType.PRINCIPAL : d.applicantType();
        a.principalApplicationId = d.principalApplicationId();
        a.principalPersonId = d.principalPersonId();
        a.relation = d.relation();
        a.childAge = d.childAge();
        a.visaCategory = d.visaCategory();
        a.variant = d.variant();
        a.entity = d.entity();
        a.inDemandProfession = d.inDemandProfession() == null ? null : d.inDemandProfession().trim();
        a.options = d.options() == null ? null : String.join(",", new java.util.TreeSet<>(d.options()));
        a.plannedStayDays = d.plannedStayDays();
        a.requestedVisaEnd = d.requestedVisaEnd();
        if (a.applicantType == ApplicantType.PRINCIPAL && (a.principalApplicationId != null
                || a.principalPersonId != null || a.relation != null)) {
            throw ProblemException.badRequest("applicantType", "principalApplicationId, principalPersonId and "
                    + "relation are only for applicantType FAMILY_MEMBER");
        }
        if (a.principalApplicationId != null) {
            Application principal = Application.findById(a.principalApplicationId);
            if (principal == null || !principal.companyBin.equals(a.companyBin)) {
                throw ProblemException.notFound("Application", a.principalApplicationId);
            }
        }
        if (a.principalPersonId != null) {
            Person principal = Person.findById(a.principalPersonId);
            if (principal == null || !principal.companyBin.equals(a.companyBin)) {
                throw ProblemException.notFound("Person", a.principalPersonId);
            }
        }
        if (d.consent() != null) {
            recordConsent(a, d.consent());
        }
    }

    private void recordConsent(Application a, Consent consent) {
        if (!Boolean.TRUE.equals(consent.accepted())) {
            throw ProblemException.badRequest("consent.accepted", "consent must be accepted to be recorded");
        }
        a.consentTextVersion = consent.textVersion();
        a.consentAt = clock.now();
    }
}
