package kz.aifc.expat.document.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.inbox.Inbox;
import kz.aifc.expat.document.service.ChecklistService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/** application.submitted builds the checklist; withdrawal or a terminal status closes it (retention starts). */
@ApplicationScoped
public class ApplicationEventsConsumer {

    /** Application states after which documents are no longer needed. */
    static final Set<String> CLOSING_STATES = Set.of("WITHDRAWN", "COMPLETED", "REJECTED", "CANCELLED");

    @Inject
    Inbox inbox;

    @Inject
    ChecklistService checklists;

    @Incoming("applications")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(record, e -> {
            switch (e.type()) {
                case Events.APPLICATION_SUBMITTED ->
                        checklists.onSubmitted(inbox.data(e, Events.ApplicationSubmitted.class));
                case Events.APPLICATION_WITHDRAWN -> {
                    Events.ApplicationWithdrawn w = inbox.data(e, Events.ApplicationWithdrawn.class);
                    checklists.onClosed(w.applicationId(), w.at(), "WITHDRAWN");
                }
                case Events.APPLICATION_STATUS_CHANGED -> {
                    Events.ApplicationStatusChanged s = inbox.data(e, Events.ApplicationStatusChanged.class);
                    if (s.to() != null && CLOSING_STATES.contains(s.to())) {
                        checklists.onClosed(s.applicationId(), s.at(), s.to());
                    }
                }
                default -> {
                    // other application events are not ours
                }
            }
        });
    }
}
