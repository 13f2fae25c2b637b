package kz.aifc.expat.application.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.application.service.DeadlineService;
import kz.aifc.expat.application.service.EventApplier;
import kz.aifc.expat.defaults.inbox.EventEnvelope;
import kz.aifc.expat.defaults.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;

/** Consumes document-service and scheduling-service events, once per event id (inbox). */
@ApplicationScoped
public class UpstreamEvents {

    @Inject
    Inbox inbox;

    @Inject
    EventApplier applier;

    @Inject
    DeadlineService deadlines;

    @Inject
    ObjectMapper mapper;

    @Incoming("documents")
    @Blocking
    public void onDocument(ConsumerRecord<String, String> record) {
        inbox.process(record, this::startQuote, (e, quote) -> {
            switch (e.type()) {
                case "documents.approved" -> applier.documentsApproved(
                        inbox.data(e, Events.DocumentsApproved.class), source(e), quote);
                case "documents.changes-requested" -> applier.documentsChangesRequested(
                        inbox.data(e, Events.DocumentsChangesRequested.class), source(e));
                case "document.outcome-uploaded" -> applier.outcomeUploaded(
                        inbox.data(e, Events.OutcomeDocumentUploaded.class));
                default -> {
                    // other document events are not about the application's state
                }
            }
        });
    }

    @Incoming("appointments")
    @Blocking
    public void onAppointment(ConsumerRecord<String, String> record) {
        inbox.process(record, this::startQuote, (e, quote) -> {
            if (e.type().startsWith("appointment.")) {
                applier.appointment(e.type(), inbox.data(e, Events.AppointmentEvent.class), source(e), quote);
            }
        });
    }

    /**
     * The two events after which the originals may count as received (the visit completed; documents approved
     * after a visit that completed first) may start the deadline: its due date is asked of the catalog here,
     * before the inbox transaction locks the application.
     */
    private DeadlineService.StartQuote startQuote(EventEnvelope e) {
        if (!"appointment.completed".equals(e.type()) && !"documents.approved".equals(e.type())) {
            return null;
        }
        UUID applicationId;
        try {
            applicationId = UUID.fromString(e.tree(mapper).path("applicationId").asText(""));
        } catch (IllegalArgumentException notOurs) {
            return null; // the handler ignores it too
        }
        return deadlines.quoteStart(applicationId);
    }

    /**
     * catalog.calendar-changed: running due dates follow the office calendar. Each case is recomputed and written in
     * a transaction of its own (recomputing is idempotent); a failure (catalog down) rolls the inbox record back, so
     * the event is retried and no case is left behind.
     */
    @Incoming("catalog")
    @Blocking
    public void onCatalog(ConsumerRecord<String, String> record) {
        inbox.process(record, e -> {
            if ("catalog.calendar-changed".equals(e.type())) {
                Events.CalendarChanged changed = inbox.data(e, Events.CalendarChanged.class);
                if (changed.date() != null) {
                    deadlines.recomputeAfterCalendarChange(changed.date());
                }
            }
        });
    }

    private static String source(EventEnvelope e) {
        String s = e.source();
        return s == null ? "system" : s.replace("urn:expat:", "");
    }
}
