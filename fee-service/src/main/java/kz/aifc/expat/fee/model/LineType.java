package kz.aifc.expat.fee.model;

/** Kinds of invoice/quote lines, in the order they are listed and allocated. */
public enum LineType {
    /** The standard service fee (or the variant's fee, e.g. employee/expert). */
    SERVICE_FEE,
    /** Replaces SERVICE_FEE when the personal-manager option is chosen. */
    PERSONAL_MANAGER_FEE,
    /** Priority service, paid in addition to the service fee. */
    PRIORITY_FEE,
    /** State duty = multiple × MRP of the year. */
    STATE_DUTY
}
