package kz.aifc.expat.application.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.aifc.expat.application.model.Company;
import kz.aifc.expat.application.model.NotificationContact;
import kz.aifc.expat.application.model.LegalForm;
import kz.aifc.expat.application.rest.Dtos.NotificationContactItem;
import kz.aifc.expat.application.rest.Dtos.NotificationContactsView;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@ApplicationScoped
public class CompanyService {

    @Inject
    CallerContext caller;

    @Inject
    AppClock clock;

    @Transactional
    public Company register(String bin, String name, LegalForm legalForm) {
        if (!Checksums.validIinOrBin(bin)) {
            throw ProblemException.badRequest("bin", "not a valid BIN (check digit mismatch)");
        }
        if (!caller.isAdmin() && !bin.equals(caller.requireCompanyBin())) {
            throw ProblemException.forbidden("A company user can only register its own company (BIN from the token)");
        }
        if (Company.findById(bin) != null) {
            throw ProblemException.conflict("company-exists", "Company already registered",
                    "A company with BIN " + bin + " is already registered");
        }
        Company c = new Company();
        c.bin = bin;
        c.name = name.trim();
        c.legalForm = legalForm;
        c.createdAt = clock.now();
        c.createdBy = caller.actorName();
        c.persist();
        return c;
    }

    /** The company a company-side caller acts for; 404 while it is not registered. */
    public Company mine() {
        String bin = caller.requireCompanyBin();
        Company c = Company.findById(bin);
        if (c == null) {
            throw ProblemException.notFound("Company", bin).with("hint", "register it with POST /api/v1/companies");
        }
        return c;
    }

    public NotificationContactsView contacts(String bin) {
        visible(bin);
        return contactsView(bin);
    }

    /** Replaces the list as a whole (what a settings form or a partner's sync sends); addresses compared case-blind. */
    @Transactional
    public NotificationContactsView replaceContacts(String bin, List<NotificationContactItem> contacts) {
        // admin manages any company; a company caller only its own (another company's BIN: 404, as for reads)
        Company company = Company.findById(bin);
        if (company == null || !caller.canSee(bin)) {
            throw ProblemException.notFound("Company", bin);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < contacts.size(); i++) {
            if (!seen.add(contacts.get(i).email().trim().toLowerCase(Locale.ROOT))) {
                throw ProblemException.badRequest("contacts[" + i + "].email", "listed twice");
            }
        }
        NotificationContact.delete("companyBin", bin);
        NotificationContact.flush();
        for (int i = 0; i < contacts.size(); i++) {
            NotificationContact c = new NotificationContact();
            c.companyBin = bin;
            c.position = i;
            c.email = contacts.get(i).email().trim();
            c.language = contacts.get(i).language();
            c.updatedAt = clock.now();
            c.updatedBy = caller.actorName();
            c.persist();
        }
        NotificationContact.flush();
        return contactsView(bin);
    }

    private NotificationContactsView contactsView(String bin) {
        List<NotificationContact> rows = NotificationContact.list("companyBin = ?1 order by position", bin);
        return new NotificationContactsView(bin, rows.stream()
                .map(c -> new NotificationContactItem(c.email, c.language)).toList(),
                rows.isEmpty() ? null : rows.get(0).updatedAt, rows.isEmpty() ? null : rows.get(0).updatedBy);
    }

    public Company visible(String bin) {
        Company c = Company.findById(bin);
        if (c == null || !ServiceAccounts.canRead(caller, bin)) {
            throw ProblemException.notFound("Company", bin);
        }
        return c;
    }
}
