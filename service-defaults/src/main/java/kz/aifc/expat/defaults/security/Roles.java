package kz.aifc.expat.defaults.security;

/** Realm roles of the Keycloak realm {@code expat}; constants so {@code @RolesAllowed} cannot drift. */
public final class Roles {
    public static final String APPLICANT = "applicant";
    public static final String COMPANY_HR = "company-hr";
    public static final String OFFICER = "officer";
    public static final String ADMIN = "admin";
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
