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

    @Column(name = "slot_id", nullable = false)
    public Long slotId;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentStatus status;

    public Integer counter;

    @Column(name = "hold_expires_at")
    public OffsetDateTime holdExpiresAt;

    @Column(name = "reminder_sent_at")
    public OffsetDateTime reminderSentAt;

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

    public static Appointment lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public static Appointment activeOf(String applicationId) {
        return find("applicationId = ?1 and status in ?2", applicationId, AppointmentStatus.ACTIVE).firstResult();
    }
}
