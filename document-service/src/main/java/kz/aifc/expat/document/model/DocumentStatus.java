package kz.aifc.expat.document.model;

/** Lifecycle of one uploaded version. */
public enum DocumentStatus {
    /** Stored, waiting for the malware scanner (only when scanning is enabled). */
    PENDING_SCAN,
    /** The scanner found malware: the object was deleted, only the metadata remains. */
    INFECTED,
    /** Waiting for an officer's decision. */
    UPLOADED,
    APPROVED,
    REJECTED
}
