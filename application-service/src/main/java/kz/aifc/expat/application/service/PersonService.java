package kz.aifc.expat.application.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.aifc.expat.application.model.Person;
import kz.aifc.expat.application.rest.Dtos.CurrentVisa;
import kz.aifc.expat.application.rest.Dtos.PersonRequest;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PersonService {

    @Inject
    CallerContext caller;

    @Inject
    CompanyService companies;

    @Inject
    AppClock clock;

    @Transactional
    public Person create(PersonRequest req) {
        String bin = companies.mine().bin;
        Person p = new Person();
        p.id = UUID.randomUUID();
        p.companyBin = bin;
        p.createdAt = clock.now();
        apply(p, req);
        p.persistAndFlush();
        return p;
    }

    @Transactional
    public Person update(UUID id, PersonRequest req, String ifMatch) {
        Person p = visible(id, true);
        Preconditions.required(ifMatch, p.version);
        apply(p, req);
        Person.flush();
        return p;
    }

    public Person visible(UUID id, boolean lock) {
        Person p = lock ? Person.findById(id, LockModeType.PESSIMISTIC_WRITE) : Person.findById(id);
        if (p == null || !ServiceAccounts.canRead(caller, p.companyBin)) {
            throw ProblemException.notFound("Person", id);
        }
        return p;
    }

    public List<Person> listMine() {
        return Person.list("companyBin", Sort.by("lastName").and("firstName"), caller.requireCompanyBin());
    }

    private void apply(Person p, PersonRequest req) {
        if (req.iin() != null && !Checksums.validIinOrBin(req.iin())) {
            throw ProblemException.badRequest("iin", "not a valid IIN (12 digits with a matching check digit)");
        }
        if (req.passportIssuedOn() != null && !req.passportIssuedOn().isBefore(req.passportExpiresOn())) {
            throw ProblemException.badRequest("passportExpiresOn", "must be after the issue date");
        }
        p.firstName = req.firstName().trim().toUpperCase(java.util.Locale.ROOT);
        p.lastName = req.lastName().trim().toUpperCase(java.util.Locale.ROOT);
        p.dateOfBirth = req.dateOfBirth();
        p.citizenship = req.citizenship();
        p.passportNumber = req.passportNumber();
        p.passportIssued = req.passportIssuedOn();
        p.passportExpires = req.passportExpiresOn();
        p.iin = req.iin();
        CurrentVisa v = req.currentVisa();
        p.visaType = v == null ? null : v.type();
        p.visaCategory = v == null ? null : v.category();
        p.visaNumber = v == null ? null : v.number();
        p.visaExpires = v == null ? null : v.validUntil();
        p.visaHostBin = v == null ? null : v.hostBin();
        if (p.visaHostBin != null && !Checksums.validIinOrBin(p.visaHostBin)) {
            throw ProblemException.badRequest("currentVisa.hostBin", "not a valid BIN");
        }
        if (req.contactConsent() != null && req.contactConsent() && req.email() == null) {
            throw ProblemException.badRequest("email", "consent to be contacted needs an e-mail address");
        }
        p.email = req.email() == null ? null : req.email().trim();
        p.preferredLanguage = req.preferredLanguage();
        boolean consent = Boolean.TRUE.equals(req.contactConsent());
        if (consent && !p.contactConsent) {
            p.contactConsentAt = clock.now();
        } else if (!consent) {
            p.contactConsentAt = null;
        }
        p.contactConsent = consent;
        p.updatedAt = clock.now();
    }
}
