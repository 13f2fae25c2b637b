package kz.aifc.expat.notification.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The domain events this service consumes (docs/asyncapi.yaml), which webhook endpoints may subscribe to, and which of
 * them lead to e-mail with which template.
 */
public final class EventTypes {

    public static final String APPLICATION_TOPIC = "expat.application";
    public static final String DOCUMENT_TOPIC = "expat.document";
    public static final String APPOINTMENT_TOPIC = "expat.appointment";
    public static final String FEE_TOPIC = "expat.fee";

    public static final String CHANGES_REQUESTED = "application.changes-requested";
    public static final String STATUS_CHANGED = "application.status-changed";
    public static final String COMPLETED = "application.completed";
    public static final String REJECTED = "application.rejected";
    public static final String DEADLINE_RECOMPUTED = "application.deadline-recomputed";
    public static final String OUTCOME_UPLOADED = "document.outcome-uploaded";
    public static final String DOCUMENTS_APPROVED = "documents.approved";
    public static final String BOOKED = "appointment.booked";
    public static final String RESCHEDULED = "appointment.rescheduled";
    public static final String CANCELLED = "appointment.cancelled";
    public static final String REMINDER_DUE = "appointment.reminder-due";
    public static final String AUTO_CANCELLED = "appointment.auto-cancelled";
    public static final String INVOICE_ISSUED = "invoice.issued";
    public static final String PAYMENT_RECEIVED = "payment.received";
    /** Not a Kafka event: the weekly job's own type (notification_job.event_type). */
    public static final String VISA_EXPIRY_DIGEST = "radar.visa-expiry-digest";
    /** Not a Kafka event: an endpoint this service disabled after failing for too long. */
    public static final String WEBHOOK_DISABLED = "webhook.disabled";

    /** Every type a webhook endpoint may subscribe to, by topic. */
    public static final Map<String, List<String>> BY_TOPIC = new LinkedHashMap<>();

    static {
        BY_TOPIC.put(APPLICATION_TOPIC, List.of("application.submitted", STATUS_CHANGED, "application.withdrawn",
                CHANGES_REQUESTED, COMPLETED, REJECTED, DEADLINE_RECOMPUTED));
        BY_TOPIC.put(DOCUMENT_TOPIC, List.of("document.uploaded", "document.reviewed", DOCUMENTS_APPROVED,
                "documents.changes-requested", OUTCOME_UPLOADED));
        BY_TOPIC.put(APPOINTMENT_TOPIC, List.of(BOOKED, RESCHEDULED, CANCELLED, "appointment.checked-in",
                "appointment.no-show", "appointment.completed", REMINDER_DUE, AUTO_CANCELLED,
                "appointment.attendance-confirmed"));
        BY_TOPIC.put(FEE_TOPIC, List.of(INVOICE_ISSUED, PAYMENT_RECEIVED, "invoice.paid"));
    }

    public static final Set<String> WEBHOOK_TYPES = Set.copyOf(BY_TOPIC.values().stream().flatMap(List::stream)
            .toList());

    /**
     * Types that lead to e-mail. The outcome of a case is told from application.completed / application.rejected
     * only (they carry what was issued, or the structured reasons); the application.status-changed to COMPLETED or
     * REJECTED published in the same transaction sends nothing, so each outcome e-mail goes out once.
     */
    public static final Set<String> MAIL_TYPES = Set.of(CHANGES_REQUESTED, COMPLETED, REJECTED, DOCUMENTS_APPROVED,
            BOOKED, RESCHEDULED, CANCELLED, REMINDER_DUE, AUTO_CANCELLED, INVOICE_ISSUED, PAYMENT_RECEIVED);

    private EventTypes() {
    }

    /** The e-mail template of an event, or null when it leads to no e-mail. */
    public static String template(String type) {
        return switch (type) {
            case CHANGES_REQUESTED -> "changes-requested";
            case DOCUMENTS_APPROVED -> "documents-approved";
            case BOOKED -> "appointment-booked";
            case RESCHEDULED -> "appointment-rescheduled";
            case CANCELLED -> "appointment-cancelled";
            case REMINDER_DUE -> "appointment-reminder";
            case AUTO_CANCELLED -> "appointment-auto-cancelled";
            case INVOICE_ISSUED -> "invoice-issued";
            case PAYMENT_RECEIVED -> "payment-received";
            case COMPLETED -> "case-completed";
            case REJECTED -> "case-rejected";
            case VISA_EXPIRY_DIGEST -> "visa-expiry-digest";
            case WEBHOOK_DISABLED -> "webhook-disabled";
            default -> null;
        };
    }
}
