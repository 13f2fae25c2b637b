package kz.aifc.expat.application.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.aifc.expat.application.model.Company;
import kz.aifc.expat.application.model.LegalForm;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;

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

    public Company visible(String bin) {
        Company c = Company.findById(bin);
        if (c == null || !caller.canSee(bin)) {
            throw ProblemException.notFound("Company", bin);
        }
        return c;
    }
}
