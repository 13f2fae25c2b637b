package kz.aifc.expat.notification.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * An event that leads to e-mail, recorded in the same transaction as its inbox record. The composer reads the
 * recipients over REST (outside any transaction), renders one message per recipient and marks the job DONE.
 */
@Entity
@Table(name = "notification_job")
public class NotificationJob extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "application_id")
    public String applicationId;

    @Column(name = "company_bin")
    public String companyBin;

    @Column(nullable = false)
    public String payload;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "done_at")
    public OffsetDateTime doneAt;
}
