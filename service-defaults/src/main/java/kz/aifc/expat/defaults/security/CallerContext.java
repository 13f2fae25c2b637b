package kz.aifc.expat.defaults.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling, from the validated token: the tenant (company BIN) that scopes every company query, and whether
 * the caller is Expat Centre staff who may see all companies.
 */
@RequestScoped
public class CallerContext {

    public static final String COMPANY_CLAIM = "company_bin";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** Stable id of the caller: the token subject (a user or a partner's service account). */
    public String subject() {
        return identity.isAnonymous() ? "anonymous" : token.getSubject();
    }

    /** Human-readable actor for histories and audit records. */
    public String actorName() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        String username = token.getClaim("preferred_username");
        return username != null ? username : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isStaff() {
        return identity.hasRole(Roles.OFFICER) || identity.hasRole(Roles.ADMIN);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public boolean isPartnerSystem() {
        return identity.hasRole(Roles.PARTNER);
    }

    public Optional<String> companyBin() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object claim = token.getClaim(COMPANY_CLAIM);
        return claim == null ? Optional.empty() : Optional.of(claim.toString().replace("\"", ""));
    }

    /** The company a company-side caller acts for; a company role without the claim is a broken account. */
    public String requireCompanyBin() {
        return companyBin().orElseThrow(() -> ProblemException.forbidden(
                "Your account is not linked to a company (no " + COMPANY_CLAIM + " claim)"));
    }

    /**
     * Whether the caller may see an object owned by {@code ownerBin}. Staff see everything; a company caller only
     * its own company's objects. Callers answer 404 when this is false, so existence is not disclosed.
     */
    public boolean canSee(String ownerBin) {
        return isStaff() || companyBin().map(bin -> bin.equals(ownerBin)).orElse(false);
    }
}
