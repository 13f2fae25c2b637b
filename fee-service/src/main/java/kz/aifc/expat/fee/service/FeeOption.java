package kz.aifc.expat.fee.service;

/** Fee options of docs/CONTRACTS.md. */
public enum FeeOption {
    PERSONAL_MANAGER, PRIORITY
}
