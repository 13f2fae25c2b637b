package kz.aifc.expat.defaults.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** The CloudEvent attributes of a Kafka record in binary mode, plus its JSON data. */
public record EventEnvelope(String id, String type, String source, String subject, String key, String topic,
                            String rawData) {

    public static EventEnvelope of(ConsumerRecord<String, String> record) {
        return new EventEnvelope(header(record, "ce_id"), header(record, "ce_type"), header(record, "ce_source"),
                header(record, "ce_subject"), record.key(), record.topic(), record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Convenience for handlers that want a tree rather than a record type. */
    public JsonNode tree(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        try {
            return mapper.readTree(rawData);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("event " + id + " has no JSON data", e);
        }
    }
}
