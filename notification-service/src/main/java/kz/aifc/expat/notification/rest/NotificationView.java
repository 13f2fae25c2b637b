package kz.aifc.expat.notification.rest;

import kz.aifc.expat.notification.model.Notification;

import java.time.OffsetDateTime;

/** What was sent to whom, when, in which language, and how far delivery got (no message bodies). */
public record NotificationView(String id, String applicationId, String companyBin, String eventType, String template,
                               String recipient, String recipientKind, String language, String subject, String status,
                               int attempts, String lastError, String messageId, String smtpMessageId, boolean attachment,
                               OffsetDateTime createdAt, OffsetDateTime sentAt, OffsetDateTime nextAttemptAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id.toString(), n.applicationId, n.companyBin, n.eventType, n.template,
                n.recipient, n.recipientKind, n.language, n.subject, n.status, n.attempts, n.lastError,
                n.messageId, n.smtpMessageId, n.attachment != null, n.createdAt, n.sentAt,
                Notification.QUEUED.equals(n.status) ? n.nextAttemptAt : null);
    }
}
