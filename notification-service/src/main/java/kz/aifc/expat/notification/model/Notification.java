package kz.aifc.expat.notification.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One e-mail to one recipient, rendered and waiting for (or done with) the SMTP relay. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    public static final String QUEUED = "QUEUED";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String COMPANY_CONTACT = "COMPANY_CONTACT";
    public static final String APPLICANT = "APPLICANT";

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String template;

    @Column(name = "application_id")
    public String applicationId;

    @Column(name = "company_bin")
    public String companyBin;

    @Column(nullable = false)
    public String recipient;

    @Column(name = "recipient_kind", nullable = false)
    public String recipientKind;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String subject;

    @Column(name = "body_text", nullable = false)
    public String bodyText;

    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    @Column(name = "attachment_name")
    public String attachmentName;

    @Column(name = "attachment_type")
    public String attachmentType;

    public String attachment;

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

    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(name = "smtp_message_id")
    public String smtpMessageId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
