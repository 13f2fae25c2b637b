package kz.aifc.expat.defaults.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records a domain event in the same transaction as the state change that caused it; {@link OutboxRelay} publishes
 * it afterwards. The returned id is the CloudEvent id consumers deduplicate on.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<OutboxEvent> recorded;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String key, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.eventType = type;
        event.eventKey = key;
        event.subject = key;
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            event.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of type " + type + " is not serialisable", e);
        }
        event.persist();
        recorded.fire(event); // lets the relay publish right after commit instead of at its next sweep
        return event.id;
    }
}
