import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Used by deploy/local/stack.sh (not part of any service): waits until the broker answers,
 * creates the missing topics, raises partition counts that are too low, and prints the result.
 *
 * Usage: EnsureTopics BOOTSTRAP TIMEOUT_SECONDS topic:partitions...
 * Exit 0 when every topic exists with at least the wanted partitions, 1 otherwise.
 */
public class EnsureTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EnsureTopics BOOTSTRAP TIMEOUT_SECONDS topic:partitions...");
            System.exit(2);
        }
        String bootstrap = args[0];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] p = args[i].split(":");
            wanted.put(p[0], Integer.parseInt(p[1]));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "stack-ensure-topics");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        Exception last = null;
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                try {
                    ensure(admin, wanted);
                    return;
                } catch (Exception e) {
                    last = e;
                    Thread.sleep(1000);
                }
            }
        }
        System.err.println("Kafka topics not ready before the deadline: " + last);
        System.exit(1);
    }

    private static void ensure(Admin admin, Map<String, Integer> wanted) throws Exception {
        Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        wanted.forEach((name, partitions) -> {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, partitions, (short) 1));
            }
        });
        if (!missing.isEmpty()) {
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            for (NewTopic t : missing) {
                System.out.println("created topic " + t.name() + " (" + t.numPartitions() + " partitions)");
            }
        }
        Map<String, TopicDescription> described =
                admin.describeTopics(wanted.keySet()).allTopicNames().get(15, TimeUnit.SECONDS);
        Map<String, NewPartitions> grow = new LinkedHashMap<>();
        wanted.forEach((name, partitions) -> {
            if (described.get(name).partitions().size() < partitions) {
                grow.put(name, NewPartitions.increaseTo(partitions));
            }
        });
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
            grow.keySet().forEach(n -> System.out.println("raised partitions of " + n + " to " + wanted.get(n)));
        }
        wanted.forEach((name, partitions) -> System.out.println("topic " + name + " ok"));
    }
}
