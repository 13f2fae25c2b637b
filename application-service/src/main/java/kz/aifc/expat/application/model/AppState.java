package kz.aifc.expat.application.model;

import java.util.EnumSet;
import java.util.Set;

public enum AppState {
    DRAFT, SUBMITTED, UNDER_REVIEW, CHANGES_REQUESTED, DOCUMENTS_APPROVED, APPOINTMENT_BOOKED, ORIGINALS_RECEIVED,
    IN_PROCESSING, COMPLETED, REJECTED, WITHDRAWN, CANCELLED;

    public static final Set<AppState> FINAL = EnumSet.of(COMPLETED, REJECTED, WITHDRAWN, CANCELLED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Every state except the final ones. */
    public static Set<AppState> open() {
        return EnumSet.complementOf(EnumSet.copyOf(FINAL));
    }
}
