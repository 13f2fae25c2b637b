package kz.aifc.expat.application.service;

import kz.aifc.expat.defaults.security.CallerContext;

/**
 * Realm roles of other services' own accounts (client credentials, no company_bin). notification-service
 * ({@value #NOTIFIER}) reads contacts, persons, applications and the radar of any company to address its messages;
 * only read endpoints allow it.
 */
public final class ServiceAccounts {

    public static final String NOTIFIER = "notifier";

    private ServiceAccounts() {
    }

    /** Tenant check of the read paths: the caller may see the company's object, or is notification-service. */
    public static boolean canRead(CallerContext caller, String ownerBin) {
        return caller.canSee(ownerBin) || caller.hasRole(NOTIFIER);
    }
}
