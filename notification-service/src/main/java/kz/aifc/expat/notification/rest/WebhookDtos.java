package kz.aifc.expat.notification.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.aifc.expat.notification.model.WebhookAttempt;
import kz.aifc.expat.notification.model.WebhookDelivery;
import kz.aifc.expat.notification.model.WebhookEndpoint;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** Webhook request and response bodies. The signing secret appears only in the answers to create and rotate. */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    public record CreateEndpoint(@Schema(description = "https URL of the receiver") String url,
                                 @Schema(description = "Event types to receive, e.g. application.status-changed")
                                 List<String> eventTypes,
                                 @Size(max = 500) String description,
                                 @Schema(description = "Default true") Boolean enabled) {
    }

    public record EndpointView(String id, String companyBin, String url, List<String> eventTypes, String description,
                               boolean enabled, OffsetDateTime previousSecretValidUntil, OffsetDateTime failingSince,
                               OffsetDateTime disabledAt, String disabledReason, OffsetDateTime createdAt,
                               OffsetDateTime updatedAt) {
        public static EndpointView of(WebhookEndpoint e) {
            return new EndpointView(e.id.toString(), e.companyBin, e.url, e.eventTypeList(), e.description,
                    e.enabled, e.previousSecret == null ? null : e.previousSecretUntil, e.failingSince, e.disabledAt,
                    e.disabledReason, e.createdAt, e.updatedAt);
        }
    }

    /** The endpoint with its secret: answered once, when created or rotated. */
    public record EndpointWithSecret(String id, String companyBin, String url, List<String> eventTypes,
                                     String description, boolean enabled, String secret,
                                     OffsetDateTime previousSecretValidUntil, OffsetDateTime createdAt) {
        public static EndpointWithSecret of(WebhookEndpoint e) {
            return new EndpointWithSecret(e.id.toString(), e.companyBin, e.url, e.eventTypeList(), e.description,
                    e.enabled, e.secret, e.previousSecret == null ? null : e.previousSecretUntil, e.createdAt);
        }
    }

    public record RotateSecret(@Pattern(regexp = "P(T?[0-9]+[DHMS])+", message = "an ISO-8601 duration, e.g. PT24H")
                               @Schema(description = "How long the previous secret keeps signing (default PT24H, "
                                       + "at most P7D)") String overlap) {
    }

    public record ReplayRange(@NotNull OffsetDateTime from, @NotNull OffsetDateTime to,
                              @Schema(description = "Only deliveries in this state (SUCCEEDED or ABANDONED); "
                                      + "default both") @Pattern(regexp = "SUCCEEDED|ABANDONED",
                                      message = "SUCCEEDED or ABANDONED") String status) {
    }

    public record ReplayResult(int replayed) {
    }

    public record AttemptView(int attempt, OffsetDateTime at, Integer statusCode, int latencyMs, String error,
                              String responseExcerpt) {
        public static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.attempt, a.at, a.statusCode, a.latencyMs, a.error, a.responseExcerpt);
        }
    }

    public record DeliveryView(String id, String endpointId, String webhookId, String eventType,
                               String applicationId, String status, int attempts, Integer lastStatusCode,
                               String lastError, Integer lastLatencyMs, String lastResponseExcerpt,
                               OffsetDateTime lastAttemptAt, OffsetDateTime nextAttemptAt, OffsetDateTime createdAt,
                               OffsetDateTime deliveredAt, List<AttemptView> attemptLog) {
        public static DeliveryView of(WebhookDelivery d, List<AttemptView> log) {
            return new DeliveryView(d.id.toString(), d.endpointId.toString(), d.eventId, d.eventType,
                    d.applicationId, d.status, d.attempts, d.lastStatusCode, d.lastError, d.lastLatencyMs,
                    d.lastResponseExcerpt, d.lastAttemptAt,
                    WebhookDelivery.PENDING.equals(d.status) ? d.nextAttemptAt : null, d.createdAt, d.deliveredAt,
                    log);
        }
    }
}
