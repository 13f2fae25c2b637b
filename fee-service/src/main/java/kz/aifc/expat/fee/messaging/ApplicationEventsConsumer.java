package kz.aifc.expat.fee.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.inbox.EventEnvelope;
import kz.aifc.expat.defaults.inbox.Inbox;
import kz.aifc.expat.fee.client.FeeSchedule;
import kz.aifc.expat.fee.service.InvoiceService;
import kz.aifc.expat.fee.service.Lang;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * application.submitted → invoice frozen at submission; application.withdrawn and a status change to WITHDRAWN or
 * CANCELLED → invoice cancelled (nothing paid) or REFUND_DUE. Other types and unknown applications are skipped.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ApplicationEventsConsumer.class);
    private static final Set<String> ENDING_STATES = Set.of("WITHDRAWN", "CANCELLED");

    @Inject
    Inbox inbox;

    @Inject
    InvoiceService invoices;

    @Incoming("applications")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        // the catalog is asked for the tariffs before the inbox transaction opens (and again on a retry)
        inbox.process(record, this::tariffs, this::handle);
    }

    private Optional<Map<Lang, FeeSchedule>> tariffs(EventEnvelope event) {
        if (!"application.submitted".equals(event.type())) {
            return Optional.empty();
        }
        try {
            return invoices.schedulesFor(inbox.data(event, ApplicationSubmitted.class));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty(); // the handler meets the same unreadable data and treats it as a poison event
        }
    }

    void handle(EventEnvelope event, Optional<Map<Lang, FeeSchedule>> tariffs) {
        switch (event.type()) {
            case "application.submitted" -> invoices.issue(inbox.data(event, ApplicationSubmitted.class), tariffs);
            case "application.withdrawn" -> {
                ApplicationWithdrawn data = inbox.data(event, ApplicationWithdrawn.class);
                if (data.applicationId() != null) {
                    invoices.applicationEnded(data.applicationId(), "application withdrawn");
                }
            }
            case "application.status-changed" -> {
                ApplicationStatusChanged data = inbox.data(event, ApplicationStatusChanged.class);
                if (data.applicationId() != null && data.to() != null && ENDING_STATES.contains(data.to())) {
                    invoices.applicationEnded(data.applicationId(), "application " + data.to().toLowerCase()
                            + (data.comment() == null || data.comment().isBlank() ? "" : ": " + data.comment()));
                }
            }
            default -> LOG.debugf("ignoring %s %s", event.type(), event.id());
        }
    }
}
