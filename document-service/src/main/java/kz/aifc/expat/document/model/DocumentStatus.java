package kz.aifc.expat.document.model;

/** Lifecycle of one uploaded version. */
public enum DocumentStatus {
    /** Stored, waiting for the malware scanner's verdict (clamd down or slow): not downloadable, not reviewable. */
    PENDING_SCAN,
    /** The scanner found malware: quarantined (the object is kept, never served); officers see it as infected. */
    INFECTED,
    /** Waiting for an officer's decision. */
    UPLOADED,
    APPROVED,
    REJECTED
}
