package kz.aifc.expat.notification.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.inbox.Inbox;
import kz.aifc.expat.notification.service.Intake;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The four topics this service follows. Each record is taken once (Inbox) and, in the same transaction, recorded as
 * an e-mail job and/or webhook deliveries ({@link Intake}); nothing remote happens here, so a slow or absent
 * dependency never holds the consumer or a database lock.
 */
@ApplicationScoped
public class DomainEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Intake intake;

    @Incoming("applications")
    @Blocking
    public void applications(ConsumerRecord<String, String> record) {
        inbox.process(record, event -> intake.accept(event, record));
    }

    @Incoming("documents")
    @Blocking
    public void documents(ConsumerRecord<String, String> record) {
        inbox.process(record, event -> intake.accept(event, record));
    }

    @Incoming("appointments")
    @Blocking
    public void appointments(ConsumerRecord<String, String> record) {
        inbox.process(record, event -> intake.accept(event, record));
    }

    @Incoming("fees")
    @Blocking
    public void fees(ConsumerRecord<String, String> record) {
        inbox.process(record, event -> intake.accept(event, record));
    }
}
