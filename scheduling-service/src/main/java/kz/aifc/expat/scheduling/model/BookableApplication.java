package kz.aifc.expat.scheduling.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** This service's own record of whether an application may book a visit (fed by events, never by calls). */
@Entity
@Table(name = "bookable_application")
public class BookableApplication extends PanacheEntityBase {

    /** Why booking is closed: terminal reasons never reopen. */
    public static final String CHANGES_REQUESTED = "CHANGES_REQUESTED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String CANCELLED = "CANCELLED";
    public static final String ORIGINALS_RECEIVED = "ORIGINALS_RECEIVED";

    @Id
    @Column(name = "application_id")
    public String applicationId;

    @Column(name = "company_bin", nullable = false)
    public String companyBin;

    @Column(name = "service_code")
    public String serviceCode;

    @Column(nullable = false)
    public int round;

    @Column(nullable = false)
    public boolean open;

    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean closedForGood() {
        return !open && (WITHDRAWN.equals(closedReason) || CANCELLED.equals(closedReason)
                || ORIGINALS_RECEIVED.equals(closedReason));
    }

    /** Reads and row-locks the record, serialising bookings of one application with the event consumers. */
    public static BookableApplication lock(String applicationId) {
        return findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
    }
}
