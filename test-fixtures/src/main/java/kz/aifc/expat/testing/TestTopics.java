package kz.aifc.expat.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a module's test suite hermetic with respect to Kafka: the build gives each module's test run its own topic
 * prefix (system property {@code expat.kafka.topic-prefix}, e.g. {@code test-fee-service-20261201203000.}; see the
 * root pom), which the services under test and {@link KafkaProbe} both put in front of every topic name. Before the
 * first test this listener creates the run's topics, so consumers start on empty topics — whatever the running
 * system or an earlier run published — and afterwards deletes them (and those of runs older than a day that were
 * killed before they could clean up). Without a prefix (e2e suites, against the running system) it does nothing.
 */
public final class TestTopics implements LauncherSessionListener {

    public static final String PREFIX_PROPERTY = "expat.kafka.topic-prefix";
    /** Every topic a service publishes to or reads from (the same list as deploy/local/stack.sh creates). */
    public static final List<String> TOPICS = List.of("expat.application", "expat.document", "expat.appointment",
            "expat.fee", "expat.catalog", "expat.dlq");
    private static final int PARTITIONS = 3;
    /** {@code test-<module>-<yyyyMMddHHmmss>.} as the root pom builds it. */
    private static final Pattern RUN = Pattern.compile("^(test-.+)-(\\d{14})\\.");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** This run's prefix; empty when the suite talks to the running system's own topics. */
    public static String prefix() {
        String prefix = System.getProperty(PREFIX_PROPERTY, "");
        return prefix == null ? "" : prefix.trim();
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String prefix = prefix();
        if (prefix.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            deleteStale(admin, prefix);
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.stream().map(t -> prefix + t).filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create this test run's Kafka topics (" + prefix + "*) on "
                    + KafkaProbe.BOOTSTRAP + " — is the local stack up? deploy/local/stack.sh up", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String prefix = prefix();
        if (prefix.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            admin.deleteTopics(TOPICS.stream().map(t -> prefix + t).toList()).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // a leftover is deleted by a later run once it is a day old
            System.err.println("[test-topics] could not delete " + prefix + "*: " + e);
        }
    }

    /** Topics of this module's earlier runs that are older than a day (a killed run); never a concurrent run's. */
    private static void deleteStale(Admin admin, String prefix) throws Exception {
        Matcher own = RUN.matcher(prefix);
        if (!own.find()) {
            return;
        }
        LocalDateTime dayAgo = LocalDateTime.now().minusDays(1);
        List<String> stale = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(name -> {
            Matcher m = RUN.matcher(name);
            if (!m.find() || !m.group(1).equals(own.group(1))) {
                return false;
            }
            try {
                return LocalDateTime.parse(m.group(2), STAMP).isBefore(dayAgo);
            } catch (DateTimeParseException e) {
                return false;
            }
        }).toList();
        if (!stale.isEmpty()) {
            admin.deleteTopics(stale).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaProbe.BOOTSTRAP);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "test-topics");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        return Admin.create(props);
    }
}
