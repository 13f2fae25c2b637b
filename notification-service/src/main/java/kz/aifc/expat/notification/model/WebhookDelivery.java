package kz.aifc.expat.notification.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One event for one endpoint: retried until the receiver answers 2xx or the retry schedule is used up. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String ABANDONED = "ABANDONED";

    @Id
    public UUID id;

    @Column(name = "endpoint_id", nullable = false)
    public UUID endpointId;

    /** The CloudEvent id, sent as webhook-id: the same on every attempt, so receivers can deduplicate. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "application_id")
    public String applicationId;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String status;

    /** Arrival order (per-application order for one endpoint). */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public int attempts;

    /** {@link #attempts} when the delivery was last replayed: the retry schedule counts from there. */
    @Column(name = "schedule_from", nullable = false)
    public int scheduleFrom;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_latency_ms")
    public Integer lastLatencyMs;

    @Column(name = "last_response_excerpt")
    public String lastResponseExcerpt;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
}
