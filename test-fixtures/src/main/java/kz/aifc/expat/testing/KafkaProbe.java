package kz.aifc.expat.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Test fixture: reads what services publish and injects CloudEvents as another service would, over the real broker.
 * Open it before the action under test: it starts at the end of every partition.
 *
 * <p>Topics are named as the services name them ({@code expat.application}); the probe adds this test run's prefix
 * ({@link TestTopics}), exactly as the services under test do, so a module suite never reads or writes the topics
 * of the running system.
 */
public final class KafkaProbe implements AutoCloseable {

    public static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    /**
     * How long an "exactly n" check keeps listening after the n-th match: a duplicate (a relay re-send, a consumer
     * applying an event twice) is published within milliseconds of the original on this broker.
     */
    public static final Duration QUIET = Duration.ofSeconds(3);

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public KafkaProbe(String... topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String logical : topics) {
            String topic = topic(logical);
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, not at the first poll
    }

    /** Waits up to {@code timeout} and returns every record seen so far that matches. */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> match, int atLeast,
                                                      Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, String>> matching = seen.stream().filter(match).toList();
            if (matching.size() >= atLeast || System.nanoTime() > deadline) {
                return matching;
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    /**
     * Waits up to {@code timeout} for {@code expected} matches, then keeps listening for {@link #QUIET} more and
     * returns every match: "exactly n" is {@code assertEquals(n, exactly(match, n, timeout).size())}, and a
     * duplicate arriving after the n-th record makes it fail.
     */
    public List<ConsumerRecord<String, String>> exactly(Predicate<ConsumerRecord<String, String>> match, int expected,
                                                        Duration timeout) {
        List<ConsumerRecord<String, String>> first = await(match, expected, timeout);
        if (first.size() < expected) {
            return first;
        }
        return await(match, Integer.MAX_VALUE, QUIET);
    }

    /** Keeps polling for {@code window} to collect everything published in it (for "nothing published" checks). */
    public List<ConsumerRecord<String, String>> collect(Predicate<ConsumerRecord<String, String>> match,
                                                        Duration window) {
        return await(match, Integer.MAX_VALUE, window);
    }

    /** The broker's name of a topic for this run: the run's prefix (empty outside module suites) + the name. */
    public static String topic(String logical) {
        return TestTopics.prefix() + logical;
    }

    public static Predicate<ConsumerRecord<String, String>> ofType(String type, String key) {
        return r -> type.equals(header(r, "ce_type")) && (key == null || key.equals(r.key()));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Publishes a CloudEvent (binary mode) as a producing service's outbox relay would. */
    public static void send(String topic, String id, String type, String key, String json) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic(topic), key, json);
            record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_source", "urn:expat:test".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a test event to " + topic, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
