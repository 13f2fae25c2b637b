package kz.aifc.expat.scheduling.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.inbox.EventEnvelope;
import kz.aifc.expat.defaults.inbox.Inbox;
import kz.aifc.expat.scheduling.model.BookableApplication;
import kz.aifc.expat.scheduling.service.BookingGate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Opens booking on {@code documents.approved} and closes it (cancelling the appointment, releasing the seat) when the
 * application is sent back for changes, withdrawn or cancelled. Idempotent through the inbox; other types ignored.
 */
@ApplicationScoped
public class UpstreamEventsConsumer {

    private static final Logger LOG = Logger.getLogger(UpstreamEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    BookingGate gate;

    @Incoming("document-events")
    @Blocking
    public void onDocument(ConsumerRecord<String, String> record) {
        inbox.process(record, this::handle);
    }

    @Incoming("application-events")
    @Blocking
    public void onApplication(ConsumerRecord<String, String> record) {
        inbox.process(record, this::handle);
    }

    void handle(EventEnvelope e) {
        switch (e.type()) {
            case Events.DOCUMENTS_APPROVED -> {
                Events.DocumentsApproved data = inbox.data(e, Events.DocumentsApproved.class);
                if (valid(e, data.applicationId(), data.companyBin())) {
                    gate.openBooking(data);
                }
            }
            case Events.CHANGES_REQUESTED -> {
                Events.ChangesRequested data = inbox.data(e, Events.ChangesRequested.class);
                if (valid(e, data.applicationId(), data.companyBin())) {
                    gate.closeBooking(data.applicationId(), data.companyBin(),
                            BookableApplication.CHANGES_REQUESTED, data.round(), "changes requested");
                }
            }
            case Events.WITHDRAWN -> {
                Events.Withdrawn data = inbox.data(e, Events.Withdrawn.class);
                if (valid(e, data.applicationId(), data.companyBin())) {
                    gate.closeBooking(data.applicationId(), data.companyBin(), BookableApplication.WITHDRAWN,
                            null, "application withdrawn");
                }
            }
            case Events.STATUS_CHANGED -> {
                Events.StatusChanged data = inbox.data(e, Events.StatusChanged.class);
                if ("CANCELLED".equals(data.to()) && valid(e, data.applicationId(), data.companyBin())) {
                    gate.closeBooking(data.applicationId(), data.companyBin(), BookableApplication.CANCELLED,
                            null, "application cancelled");
                }
            }
            default -> {
                // not ours: other services' events share these topics
            }
        }
    }

    private static boolean valid(EventEnvelope e, String applicationId, String companyBin) {
        if (applicationId == null || applicationId.isBlank() || companyBin == null || companyBin.isBlank()) {
            LOG.warnf("ignoring %s %s without applicationId/companyBin", e.type(), e.id());
            return false;
        }
        return true;
    }
}
