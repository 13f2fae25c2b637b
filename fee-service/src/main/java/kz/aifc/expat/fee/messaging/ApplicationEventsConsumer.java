package kz.aifc.expat.fee.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.inbox.EventEnvelope;
import kz.aifc.expat.defaults.inbox.Inbox;
import kz.aifc.expat.fee.service.InvoiceService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

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
        inbox.process(record, this::handle);
    }

    void handle(EventEnvelope event) {
        switch (event.type()) {
            case "application.submitted" -> invoices.issue(inbox.data(event, ApplicationSubmitted.class));
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
