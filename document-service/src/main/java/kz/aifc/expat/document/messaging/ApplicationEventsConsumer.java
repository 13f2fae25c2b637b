package kz.aifc.expat.document.messaging;

import java.util.Optional;
import kz.aifc.expat.document.client.CatalogChecklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.inbox.EventEnvelope;
import kz.aifc.expat.defaults.inbox.Inbox;
import kz.aifc.expat.document.service.ChecklistLoader;
import kz.aifc.expat.document.service.ChecklistService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * application.submitted builds the checklist; application.changes-requested reopens an approved one; withdrawal or
 * a terminal status closes it (retention starts).
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

    /** Application states after which documents are no longer needed. */
    static final Set<String> CLOSING_STATES = Set.of("WITHDRAWN", "COMPLETED", "REJECTED", "CANCELLED");

    private static final Logger LOG = Logger.getLogger(ApplicationEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    ChecklistService checklists;

    @Inject
    ChecklistLoader loader;

    /**
     * Closing events are read leniently: only the application id matters, and an id we cannot read cannot be one
     * of our checklists, so such an event is skipped rather than dead-lettered.
     */
    private void close(EventEnvelope e, String reason) {
        JsonNode data = e.tree(mapper);
        UUID applicationId;
        try {
            applicationId = UUID.fromString(data.path("applicationId").asText(""));
        } catch (IllegalArgumentException notAnId) {
            LOG.warnf("%s %s without a readable applicationId ignored", e.type(), e.id());
            return;
        }
        OffsetDateTime at = null;
        try {
            at = data.hasNonNull("at") ? OffsetDateTime.parse(data.get("at").asText()) : null;
        } catch (DateTimeParseException unreadable) {
            LOG.debugf("%s %s has an unreadable 'at'; closing now", e.type(), e.id());
        }
        checklists.onClosed(applicationId, at, reason);
    }

    /** The catalog's checklist for a submitted application, asked with no transaction open. */
    private Optional<CatalogChecklist> askCatalog(EventEnvelope envelope) {
        if (!Events.APPLICATION_SUBMITTED.equals(envelope.type())) {
            return Optional.empty();
        }
        try {
            return loader.catalogFor(inbox.data(envelope, Events.ApplicationSubmitted.class));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty(); // the handler meets the same unreadable data and treats it as a poison event
        }
    }

    @Incoming("applications")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        // the catalog is asked before the inbox transaction opens (and again on a retry)
        inbox.process(record, this::askCatalog, (e, asked) -> {
            switch (e.type()) {
                case Events.APPLICATION_SUBMITTED ->
                        checklists.onSubmitted(inbox.data(e, Events.ApplicationSubmitted.class), asked);
                case Events.APPLICATION_WITHDRAWN -> close(e, "WITHDRAWN");
                case Events.APPLICATION_CHANGES_REQUESTED -> checklists.onApplicationChangesRequested(
                        inbox.data(e, Events.ApplicationChangesRequested.class));
                case Events.APPLICATION_STATUS_CHANGED -> {
                    String to = e.tree(mapper).path("to").asText("");
                    if (CLOSING_STATES.contains(to)) {
                        close(e, to);
                    }
                }
                default -> {
                    // other application events are not ours
                }
            }
        });
    }
}
