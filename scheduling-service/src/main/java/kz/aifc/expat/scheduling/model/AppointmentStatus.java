package kz.aifc.expat.scheduling.model;

import java.util.EnumSet;
import java.util.Set;

public enum AppointmentStatus {
    HELD, BOOKED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW, EXPIRED;

    /** Statuses that occupy a seat and count as "the" appointment of an application (see the partial index). */
    public static final Set<AppointmentStatus> ACTIVE = EnumSet.of(HELD, BOOKED, CHECKED_IN);

    public boolean active() {
        return ACTIVE.contains(this);
    }
}
