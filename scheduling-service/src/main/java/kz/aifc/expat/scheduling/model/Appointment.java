package kz.aifc.expat.scheduling.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public String applicationId;

    @Column(name = "company_bin", nullable = false)
    public String companyBin;

    @Column(name = "service_code", nullable = false)
    public String serviceCode;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentStatus status;

    /** The counter that served the visit: given at check-in (null before). */
    public Integer counter;

    @Column(name = "hold_expires_at")
    public OffsetDateTime holdExpiresAt;

    /** When this appointment's hold ended unconfirmed (expired or cancelled): starts the company's cool-down. */
    @Column(name = "hold_released_at")
    public OffsetDateTime holdReleasedAt;

    @Column(name = "reminder_sent_at")
    public OffsetDateTime reminderSentAt;

    /** When the current start was chosen by a reschedule; null: at creation ({@link #createdAt}). */
    @Column(name = "rescheduled_at")
    public OffsetDateTime rescheduledAt;

    @Column(name = "attendance_confirmed_at")
    public OffsetDateTime attendanceConfirmedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "attendance_confirmed_via")
    public ConfirmationVia attendanceConfirmedVia;

    @Column(name = "attendance_confirmed_by")
    public String attendanceConfirmedBy;

    @Column(name = "confirmation_exempt_at")
    public OffsetDateTime confirmationExemptAt;

    @Column(name = "confirmation_exempt_by")
    public String confirmationExemptBy;

    @Column(name = "confirmation_exempt_reason")
    public String confirmationExemptReason;

    /** Id of the one-click link sent with the last reminder (in its signed token); null: no live link. */
    @Column(name = "link_token_id")
    public UUID linkTokenId;

    @Column(name = "link_used_at")
    public OffsetDateTime linkUsedAt;

    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;

    /** When the current start was chosen (booking or last reschedule). */
    public OffsetDateTime chosenAt() {
        return rescheduledAt != null ? rescheduledAt : createdAt;
    }

    public static Appointment lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public static Appointment activeOf(String applicationId) {
        return find("applicationId = ?1 and status in ?2", applicationId, AppointmentStatus.ACTIVE).firstResult();
    }
}
