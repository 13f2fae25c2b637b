package kz.aifc.expat.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps the deployment descriptors in line with what the services actually read, without Docker or a cluster:
 * <ul>
 * <li>{@code docker-compose.yml}, every YAML file under {@code deploy/k8s} (multi-document too) and
 * {@code docs/asyncapi.yaml} parse;</li>
 * <li>every environment variable a service reads ({@code ${VAR...}} in its {@code application.properties} and in
 * service-defaults' {@code microprofile-config.properties}, profiles {@code %dev}/{@code %test} excluded) is set for
 * that service in compose and in its Kubernetes Deployment (env, or keys of the ConfigMaps/Secrets of envFrom),
 * except the documented {@link #DEFAULT_IS_FINE} list;</li>
 * <li>every Kafka topic the services configure ({@code mp.messaging.*.topic}) and every topic of
 * {@code docs/CONTRACTS.md} is a channel of {@code docs/asyncapi.yaml} and is created by the compose and k8s topic
 * jobs with the partition count of the AsyncAPI Kafka binding; every event type of CONTRACTS.md is a message;</li>
 * <li>structural basics: healthchecks and memory limits in compose, probes/resources/Service/HPA in k8s,
 * kustomization lists every manifest, the PostgreSQL init script exists once (compose and k8s copies equal).</li>
 * </ul>
 * Plain JUnit (no Quarkus): runs in a second with {@code mvn -pl service-defaults test}.
 */
class DeploymentConfigTest {

    /** Every {@code *-service} module of the root pom: a new service is checked without editing this test. */
    static final List<String> SERVICES = serviceModules();

    /**
     * Variables whose in-code default is right inside a container too, so compose/k8s need not set them. Entries
     * ending in {@code *} are prefixes. A variable read WITHOUT a default ({@code ${VAR}}) is always required.
     */
    static final Map<String, String> DEFAULT_IS_FINE = Map.ofEntries(
            Map.entry("HTTP_PORT", "each image EXPOSEs its service's default port; compose/k8s map that port"),
            Map.entry("LOG_JSON", "plain logs are fine by default (compose sets false, k8s true anyway)"),
            Map.entry("OTEL_*", "tracing is off unless a collector exists (OTEL_SDK_DISABLED=false + endpoint)"),
            Map.entry("DB_URL_TEST", "tests only"),
            Map.entry("MAX_BODY_SIZE", "request size limit, same everywhere"),
            Map.entry("OIDC_AUDIENCE", "the realm's one API audience (expat-api), the same in every deployment"),
            Map.entry("DB_POOL_MAX", "pool size tuning"),
            Map.entry("DOCUMENTS_*", "document-service tunables (sizes, periods, feature flags), not endpoints"),
            Map.entry("CATALOG_CACHE_TTL", "fee-service cache tuning (catalog.published also clears the cache)"),
            Map.entry("CATALOG_REFRESH_INTERVAL", "catalog-service polling period for versions published elsewhere"),
            Map.entry("OFFICERS_CACHE", "application-service: how long an officer lookup in Keycloak is cached"),
            Map.entry("SMTP_KEEP_ALIVE_TIMEOUT", "idle close of pooled SMTP connections, below common server cut-offs"),
            Map.entry("MANAGEMENT_HOST", "the management interface listens where HTTP_HOST says"),
            Map.entry("MANAGEMENT_PORT", "HTTP port + 10000 by default (8081 -> 18081), what probes and healthchecks ask"),
            Map.entry("CLAMD_TIMEOUT", "document-service: one scan's connect/read timeout, same everywhere"),
            Map.entry("RATE_LIMIT_ENABLED", "rate limits are on everywhere; off only for a benchmark"),
            Map.entry("RATE_LIMIT_PUBLIC_READ", "a budget per client and minute, the same in every deployment"),
            Map.entry("RATE_LIMIT_QUOTE", "a budget per client and minute, the same in every deployment"),
            Map.entry("RATE_LIMIT_UPLOAD", "a budget per company and minute, the same in every deployment"),
            Map.entry("RATE_LIMIT_UNAUTHENTICATED", "a budget of 401s per address and minute, the same everywhere"),
            Map.entry("HOUSEKEEPING_*", "retention of outbox/inbox/idempotency rows; the inbox default is checked "
                    + "against the topics' retention (inboxOutlivesEveryTopicRetention)"));

    static Path root;
    static Map<String, Object> compose;
    /** every document of every YAML file under deploy/k8s, by file (relative to deploy/k8s) */
    static Map<String, List<Object>> k8s;
    static Map<String, Object> asyncapi;
    /** per service: variable -> where it is read (file) and whether it has a default */
    static Map<String, Map<String, VarRef>> serviceVars;

    record VarRef(String name, String file, boolean hasDefault) {
    }

    @BeforeAll
    static void load() throws IOException {
        root = findRoot();
        assertTrue(SERVICES.contains("catalog-service") && SERVICES.contains("fee-service"),
                "the service modules of the root pom were not found, the parsing is broken: " + SERVICES);
        compose = asMap(loadAll(root.resolve("docker-compose.yml")).get(0), "docker-compose.yml");
        k8s = new TreeMap<>();
        Path k8sDir = root.resolve("deploy/k8s");
        try (Stream<Path> files = Files.walk(k8sDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList()) {
                k8s.put(k8sDir.relativize(f).toString().replace('\\', '/'), loadAll(f));
            }
        }
        asyncapi = asMap(loadAll(root.resolve("docs/asyncapi.yaml")).get(0), "docs/asyncapi.yaml");

        Map<String, VarRef> shared = envRefs(
                root.resolve("service-defaults/src/main/resources/META-INF/microprofile-config.properties"));
        serviceVars = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Map<String, VarRef> vars = new TreeMap<>(shared);
            envRefs(appProperties(service)).forEach((name, ref) -> vars.merge(name, ref,
                    // required if any reference lacks a default
                    (a, b) -> a.hasDefault() && !b.hasDefault() ? b : a));
            serviceVars.put(service, vars);
        }
    }

    // ------------------------------------------------------------------------------------------ parsing

    @Test
    void allYamlParses() {
        // loading happened in @BeforeAll (a parse error fails there, naming the file); check nothing is empty
        assertFalse(k8s.isEmpty(), "no YAML files under deploy/k8s");
        k8s.forEach((file, docs) -> assertFalse(docs.isEmpty(), "deploy/k8s/" + file + " holds no YAML document"));
        assertEquals("3.0.0", String.valueOf(asyncapi.get("asyncapi")), "docs/asyncapi.yaml must be AsyncAPI 3.0.0");
        assertTrue(compose.get("services") instanceof Map, "docker-compose.yml has no services");
    }

    @Test
    void theRequiredVariablesAreNotAllowListed() {
        // the brief's minimum: these must always be set explicitly, whatever the allow-list says
        for (String name : List.of("DB_URL", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                "OIDC_AUTH_SERVER_URL", "HTTP_HOST", "CORS_ORIGINS")) {
            assertFalse(defaultIsFine(name), name + " must not be in DEFAULT_IS_FINE");
            for (String service : SERVICES) {
                assertTrue(serviceVars.get(service).containsKey(name),
                        service + " no longer reads ${" + name + "}: update this test and the deployment files");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ containers

    /**
     * deploy/containers/docker-compose.host.yml may differ from what ops run only in networking, in the stand-ins
     * for the infrastructure (the local stack's processes) and in the variables that name a port the local stack
     * serves differently: everything else (image build, environment, healthchecks, start order, limits) must come
     * from docker-compose.yml, or the containers tested here are not the ones deployed.
     */
    @Test
    void theHostOverrideChangesOnlyNetworkingInfrastructureAndListedVariables() throws IOException {
        Map<String, Object> override = asMap(loadAll(root.resolve("deploy/containers/docker-compose.host.yml")).get(0),
                "docker-compose.host.yml");
        Map<String, Object> real = asMap(compose.get("services"), "docker-compose.yml services");
        Set<String> serviceKeys = Set.of("network_mode", "extra_hosts", "environment", "healthcheck");
        Set<String> standInKeys = Set.of("network_mode", "extra_hosts", "image", "entrypoint", "command", "healthcheck");
        Set<String> overridable = Set.of("HTTP_HOST", "JAVA_OPTS_APPEND", "KAFKA_BOOTSTRAP_SERVERS", "SMTP_PORT",
                "WEBHOOK_ALLOW_HTTP", "WEBHOOK_ALLOWED_PRIVATE_HOSTS", "HTTP_PORT");
        List<String> problems = new ArrayList<>();
        asMap(override.get("services"), "override services").forEach((name, value) -> {
            Map<String, Object> svc = asMap(value, name);
            Object realSvc = real.get(name);
            if (realSvc == null) {
                problems.add(name + " is not a service of docker-compose.yml");
                return;
            }
            boolean built = asMap(realSvc, name).containsKey("build") || name.endsWith("-service-2");
            Set<String> allowed = built ? serviceKeys : standInKeys;
            svc.keySet().stream().filter(k -> !allowed.contains(k))
                    .forEach(k -> problems.add(name + " overrides '" + k + "'"));
            if (!"host".equals(svc.get("network_mode"))) {
                problems.add(name + " does not use host networking");
            }
            if (svc.get("environment") != null) {
                asMap(svc.get("environment"), name + " environment").keySet().stream()
                        .filter(k -> !overridable.contains(k))
                        .forEach(k -> problems.add(name + " overrides variable " + k));
            }
        });
        real.keySet().stream().filter(n -> !asMap(override.get("services"), "override services").containsKey(n))
                .forEach(n -> problems.add(n + " of docker-compose.yml would not run with host networking"));
        assertNoProblems(problems, "keep docker-compose.host.yml to networking and infrastructure (see its header)");
    }

    /**
     * The other direction of {@link #composeSetsEveryVariableEachServiceReads()}: a variable compose sets for a
     * service that no service reads misleads ops (DOCUMENT_URL once). Variables read by the image's start script or
     * by Quarkus itself (QUARKUS_*) are not in the properties files and count as read.
     */
    @Test
    void composeSetsNoVariableItsServiceDoesNotRead() {
        Map<String, Object> services = asMap(compose.get("services"), "docker-compose.yml services");
        Set<String> readByTheImage = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_OPTS_APPEND");
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, VarRef> reads = serviceVars.get(service);
            for (String name : composeEnv(asMap(services.get(service), service)).keySet()) {
                if (!reads.containsKey(name) && !readByTheImage.contains(name) && !name.startsWith("QUARKUS_")) {
                    problems.add("docker-compose.yml: " + service + " sets " + name + ", which it never reads");
                }
            }
        }
        assertNoProblems(problems, "drop the variable from docker-compose.yml (x-service-env or the service)");
    }

    @Test
    void eachSecondReplicaRunsItsPrimarysImageAndEnvironment() {
        Map<String, Object> services = asMap(compose.get("services"), "docker-compose.yml services");
        for (String primary : List.of("application-service", "scheduling-service")) {
            Map<String, Object> p = asMap(services.get(primary), primary);
            Map<String, Object> replica = asMap(services.get(primary + "-2"), primary + "-2");
            assertEquals(p.get("image"), replica.get("image"), primary + "-2 runs another image");
            assertEquals(composeEnv(p), composeEnv(replica), primary + "-2 reads another environment");
            assertEquals(p.get("depends_on"), replica.get("depends_on"), primary + "-2 starts in another order");
        }
    }

    // ------------------------------------------------------------------------------------------ environment

    @Test
    void composeSetsEveryVariableEachServiceReads() {
        Map<String, Object> services = asMap(compose.get("services"), "docker-compose.yml services");
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            Object svc = services.get(service);
            if (svc == null) {
                problems.add("docker-compose.yml has no service '" + service + "'");
                continue;
            }
            Set<String> set = composeEnvNames(asMap(svc, service), service);
            for (VarRef ref : required(service)) {
                if (!set.contains(ref.name())) {
                    problems.add("docker-compose.yml: service " + service + " does not set " + ref.name()
                            + " (read in " + ref.file() + ")");
                }
            }
        }
        assertNoProblems(problems, "set the variable in docker-compose.yml (or, if its default is right in a "
                + "container, add it to DEFAULT_IS_FINE in DeploymentConfigTest with the reason)");
    }

    @Test
    void kubernetesSetsEveryVariableEachServiceReads() {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, Object> deployment = k8sObject("Deployment", service);
            if (deployment == null) {
                problems.add("deploy/k8s: no Deployment named " + service);
                continue;
            }
            Set<String> set = k8sEnvNames(service, deployment, problems);
            for (VarRef ref : required(service)) {
                if (!set.contains(ref.name())) {
                    problems.add("deploy/k8s: Deployment " + service + " does not set " + ref.name()
                            + " (read in " + ref.file() + "); add it to its ConfigMap/Secret or to expat-common");
                }
            }
        }
        assertNoProblems(problems, "Kubernetes manifests are missing environment variables");
    }

    // ------------------------------------------------------------------------------------------ topics and events

    @Test
    void everyConfiguredTopicIsDocumentedAndCreated() throws IOException {
        Map<String, Integer> documented = asyncapiTopics();
        Map<String, Integer> composeTopics = topicSpec(
                composeEnv(asMap(asMap(compose.get("services"), "services").get("kafka-init"), "kafka-init"))
                        .get("TOPICS"), "docker-compose.yml kafka-init TOPICS");
        Map<String, Integer> k8sTopics = topicSpec(k8sJobEnv("kafka-topics").get("TOPICS"),
                "deploy/k8s Job kafka-topics TOPICS");

        Map<String, String> used = new TreeMap<>(); // topic -> where it is referenced
        for (String service : SERVICES) {
            configuredTopics(appProperties(service)).forEach(t -> used.putIfAbsent(t, service + " application.properties"));
        }
        configuredTopics(root.resolve("service-defaults/src/main/resources/META-INF/microprofile-config.properties"))
                .forEach(t -> used.putIfAbsent(t, "service-defaults microprofile-config.properties"));
        contractTopics().forEach(t -> used.putIfAbsent(t, "docs/CONTRACTS.md"));
        assertTrue(used.size() >= 6, "found too few topics, the parsing is broken: " + used);

        List<String> problems = new ArrayList<>();
        used.forEach((topic, where) -> {
            if (!documented.containsKey(topic)) {
                problems.add("topic " + topic + " (" + where + ") is not a channel address in docs/asyncapi.yaml");
            }
            if (!composeTopics.containsKey(topic)) {
                problems.add("topic " + topic + " (" + where + ") is not created by kafka-init in docker-compose.yml");
            }
            if (!k8sTopics.containsKey(topic)) {
                problems.add("topic " + topic + " (" + where + ") is not created by Job kafka-topics in deploy/k8s");
            }
        });
        documented.forEach((topic, partitions) -> {
            if (partitions != null && composeTopics.containsKey(topic)
                    && !partitions.equals(composeTopics.get(topic))) {
                problems.add("topic " + topic + ": asyncapi says " + partitions + " partitions, compose creates "
                        + composeTopics.get(topic));
            }
            if (partitions != null && k8sTopics.containsKey(topic) && !partitions.equals(k8sTopics.get(topic))) {
                problems.add("topic " + topic + ": asyncapi says " + partitions + " partitions, k8s creates "
                        + k8sTopics.get(topic));
            }
        });
        assertNoProblems(problems, "topics out of sync");
    }

    /**
     * An event still on a topic can be delivered again (a consumer group reset, a new consumer); the inbox row is what
     * makes that harmless, so the inbox must keep its rows longer than any deployment keeps the events.
     */
    @Test
    void inboxOutlivesEveryTopicRetention() throws IOException {
        String inboxDefault = properties(
                root.resolve("service-defaults/src/main/resources/META-INF/microprofile-config.properties"))
                .getProperty("expat.housekeeping.inbox-retention");
        Matcher m = Pattern.compile("\\$\\{HOUSEKEEPING_INBOX_RETENTION:(P\\d+D)}").matcher(String.valueOf(inboxDefault));
        assertTrue(m.matches(), "expat.housekeeping.inbox-retention should be ${HOUSEKEEPING_INBOX_RETENTION:P<n>D}: "
                + inboxDefault);
        long inboxMs = java.time.Duration.parse(m.group(1)).toMillis();

        Map<String, Object> kafkaInit = asMap(asMap(compose.get("services"), "services").get("kafka-init"), "kafka-init");
        Map<String, Long> topicRetention = new TreeMap<>();
        topicRetention.put("docker-compose.yml kafka-init", Long.valueOf(String.valueOf(
                composeEnv(kafkaInit).get("TOPIC_RETENTION_MS"))));
        topicRetention.put("deploy/k8s Job kafka-topics", Long.valueOf(String.valueOf(
                k8sJobEnv("kafka-topics").get("TOPIC_RETENTION_MS"))));
        Matcher hours = Pattern.compile("(?m)^log\\.retention\\.hours=(\\d+)$")
                .matcher(Files.readString(root.resolve("deploy/local/stack.sh")));
        assertTrue(hours.find(), "deploy/local/stack.sh should set the broker's log.retention.hours");
        topicRetention.put("deploy/local/stack.sh broker", Long.parseLong(hours.group(1)) * 3_600_000L);

        List<String> problems = new ArrayList<>();
        topicRetention.forEach((where, ms) -> {
            if (ms >= inboxMs) {
                problems.add(where + " keeps events " + ms + " ms, not less than the inbox's " + inboxMs + " ms");
            }
        });
        assertTrue(String.valueOf(kafkaInit.get("command")).contains("retention.ms=\"$$TOPIC_RETENTION_MS\""),
                "kafka-init should create the topics with retention.ms=$TOPIC_RETENTION_MS");
        assertTrue(String.valueOf(firstContainer(k8sObject("Job", "kafka-topics"), "kafka-topics").get("args"))
                        .contains("retention.ms=\"$TOPIC_RETENTION_MS\""),
                "Job kafka-topics should create the topics with retention.ms=$TOPIC_RETENTION_MS");
        assertNoProblems(problems, "topics keep events longer than the inbox remembers them");
    }

    @Test
    void everyIncomingChannelIsAReceiveOperationOfItsService() throws IOException {
        Map<String, Object> channels = asMap(asyncapi.get("channels"), "channels");
        Set<String> documented = new TreeSet<>(); // "<service> <- <topic>"
        asMap(asyncapi.get("operations"), "operations").forEach((id, value) -> {
            Map<String, Object> op = asMap(value, id);
            if (!"receive".equals(op.get("action"))) {
                return;
            }
            String ref = String.valueOf(dig(op, "channel", "$ref"));
            Object address = dig(channels.get(ref.substring(ref.lastIndexOf('/') + 1)), "address");
            for (Object tag : asList(op.get("tags"), id + " tags")) {
                documented.add(dig(tag, "name") + " <- " + address);
            }
        });
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            Properties p = properties(appProperties(service));
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                Matcher m = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topics?").matcher(key);
                if (m.matches()) {
                    for (String topic : withoutTopicPrefix(p.getProperty(key)).split(",")) {
                        if (!documented.contains(service + " <- " + topic.trim())) {
                            problems.add(service + " consumes " + topic.trim() + " (channel " + m.group(1)
                                    + ") but docs/asyncapi.yaml has no receive operation tagged " + service
                                    + " on that channel");
                        }
                    }
                }
            }
        }
        assertNoProblems(problems, "consumers missing from the event catalogue");
    }

    @Test
    void everyContractEventTypeIsAnAsyncApiMessage() throws IOException {
        Set<String> messageNames = new TreeSet<>();
        asMap(asMap(asyncapi.get("components"), "components").get("messages"), "components.messages")
                .values().forEach(m -> messageNames.add(String.valueOf(asMap(m, "message").get("name"))));
        Set<String> contractTypes = contractEventTypes();
        assertTrue(contractTypes.size() >= 19, "found too few event types in CONTRACTS.md: " + contractTypes);
        List<String> problems = contractTypes.stream().filter(t -> !messageNames.contains(t))
                .map(t -> "event type " + t + " (docs/CONTRACTS.md) has no message named so in docs/asyncapi.yaml")
                .toList();
        assertNoProblems(problems, "event catalogue incomplete");

        // every message a channel lists must be used by some operation, and every operation message must exist
        Map<String, Object> channels = asMap(asyncapi.get("channels"), "channels");
        Set<String> referenced = new TreeSet<>();
        asMap(asyncapi.get("operations"), "operations").forEach((id, op) -> {
            for (Object ref : asList(asMap(op, id).get("messages"), id)) {
                String r = String.valueOf(asMap(ref, id).get("$ref"));
                referenced.add(r);
                String[] parts = r.split("/"); // #/channels/<channel>/messages/<message>
                assertTrue(parts.length == 5 && "channels".equals(parts[1])
                        && asMap(asMap(channels.get(parts[2]), r).get("messages"), r).containsKey(parts[4]),
                        "operation " + id + " references a message its channel does not have: " + r);
            }
        });
        channels.forEach((name, ch) -> asMap(asMap(ch, name).get("messages"), name).keySet().forEach(m -> assertTrue(
                referenced.contains("#/channels/" + name + "/messages/" + m),
                "message " + m + " of channel " + name + " has no producer (send operation)")));
    }

    // ------------------------------------------------------------------------------------------ structure

    @Test
    void composeContainersHaveHealthchecksLimitsAndOrderedStart() {
        Map<String, Object> services = asMap(compose.get("services"), "services");
        List<String> problems = new ArrayList<>();
        services.forEach((name, value) -> {
            Map<String, Object> svc = asMap(value, name);
            Object hc = svc.get("healthcheck");
            if (!(hc instanceof Map<?, ?> h) || h.get("test") == null || Boolean.TRUE.equals(h.get("disable"))) {
                problems.add("compose service " + name + " has no healthcheck");
            }
            Object memory = dig(svc, "deploy", "resources", "limits", "memory");
            if (memory == null && svc.get("mem_limit") == null) {
                problems.add("compose service " + name + " has no memory limit");
            }
            if (svc.get("depends_on") instanceof Map<?, ?> deps) {
                deps.forEach((dep, cond) -> {
                    Object condition = cond instanceof Map<?, ?> c ? c.get("condition") : null;
                    if (!"service_healthy".equals(condition) && !"service_completed_successfully".equals(condition)) {
                        problems.add("compose service " + name + " depends on " + dep + " without a health condition");
                    }
                });
            } else if (svc.get("depends_on") != null) {
                problems.add("compose service " + name + ": depends_on must be the long form with conditions");
            }
        });
        for (String service : SERVICES) {
            Map<String, Object> svc = asMap(services.get(service), service);
            assertEquals("./" + service, dig(svc, "build", "context"), service + ": build context");
            assertEquals("src/main/docker/Dockerfile.jvm", dig(svc, "build", "dockerfile"), service + ": Dockerfile");
            assertEquals("0.0.0.0", String.valueOf(composeEnv(svc).get("HTTP_HOST")), service + ": HTTP_HOST");
            // security #14.3: the healthcheck asks the management port (HTTP port + 10000), which is never published
            String published = String.valueOf(svc.get("ports"));
            String healthcheck = String.valueOf(dig(svc, "healthcheck", "test"));
            Matcher port = Pattern.compile(":(\\d{4})\"?$").matcher(published.replace("]", ""));
            if (port.find()) {
                String management = Integer.toString(Integer.parseInt(port.group(1)) + 10000);
                if (!healthcheck.contains("/" + management + " ")) {
                    problems.add("compose service " + service + ": healthcheck must ask port " + management);
                }
                if (published.contains(management)) {
                    problems.add("compose service " + service + " publishes its management port");
                }
            } else {
                problems.add("compose service " + service + ": no published HTTP port");
            }
        }
        assertNoProblems(problems, "compose structure");
    }

    @Test
    void kubernetesServicesHaveProbesResourcesServiceAndAutoscaler() {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            Map<String, Object> deployment = k8sObject("Deployment", service);
            if (deployment == null) {
                problems.add("no Deployment " + service);
                continue;
            }
            Map<String, Object> container = firstContainer(deployment, service);
            checkProbe(container, "livenessProbe", "/q/health/live", service, problems);
            checkProbe(container, "readinessProbe", "/q/health/ready", service, problems);
            if (container.get("startupProbe") == null) {
                problems.add(service + ": no startupProbe");
            }
            // security #14.3: health and metrics only on the management port, which the Service does not expose
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                if (!"management".equals(String.valueOf(dig(container, probe, "httpGet", "port")))) {
                    problems.add(service + ": " + probe + " must use the management port");
                }
            }
            Map<String, Object> exposed = k8sObject("Service", service);
            if (exposed != null && String.valueOf(dig(exposed, "spec", "ports")).contains("management")) {
                problems.add(service + ": the Service exposes the management port");
            }
            for (String[] required : List.of(new String[] {"requests", "cpu"}, new String[] {"requests", "memory"},
                    new String[] {"limits", "memory"})) {
                if (dig(container, "resources", required[0], required[1]) == null) {
                    problems.add(service + ": no resources." + required[0] + "." + required[1]);
                }
            }
            if (k8sObject("Service", service) == null) {
                problems.add("no Service " + service);
            }
            Map<String, Object> hpa = k8sObject("HorizontalPodAutoscaler", service);
            if (hpa == null || !"autoscaling/v2".equals(hpa.get("apiVersion"))) {
                problems.add("no autoscaling/v2 HorizontalPodAutoscaler " + service);
            } else if (!service.equals(dig(hpa, "spec", "scaleTargetRef", "name"))) {
                problems.add("HPA " + service + " does not target Deployment " + service);
            }
        }
        assertNoProblems(problems, "k8s service manifests");
    }

    /**
     * Security #14.19: ingress is denied by default and each data store is reachable only from the pods that need it
     * (NetworkPolicy {@code from} pod names, per target).
     */
    @Test
    void networkPoliciesLetOnlyThePodsThatNeedAPartReachIt() {
        Map<String, Set<String>> allowed = new TreeMap<>();
        boolean defaultDeny = false;
        for (List<Object> docs : k8s.values()) {
            for (Object doc : docs) {
                if (!(doc instanceof Map<?, ?> m) || !"NetworkPolicy".equals(m.get("kind"))) {
                    continue;
                }
                Map<String, Object> policy = asMap(m, "NetworkPolicy");
                Object target = dig(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name");
                if (target == null) {
                    defaultDeny |= policy.get("spec") instanceof Map<?, ?> spec && spec.get("ingress") == null;
                    continue;
                }
                Set<String> from = allowed.computeIfAbsent(String.valueOf(target), t -> new TreeSet<>());
                for (Object rule : asList(dig(policy, "spec", "ingress"), "ingress")) {
                    for (Object peer : asList(dig(rule, "from"), "from")) {
                        Object pod = dig(peer, "podSelector", "matchLabels", "app.kubernetes.io/name");
                        from.add(pod != null ? String.valueOf(pod) : "namespace:"
                                + dig(peer, "namespaceSelector", "matchLabels"));
                    }
                }
            }
        }
        assertTrue(defaultDeny, "no default-deny ingress NetworkPolicy");
        assertEquals(new TreeSet<>(SERVICES), allowed.get("postgres"), "who reaches PostgreSQL");
        Set<String> kafka = new TreeSet<>(SERVICES);
        kafka.add("kafka-topics");
        assertEquals(kafka, allowed.get("kafka"), "who reaches Kafka");
        assertEquals(Set.of("document-service", "minio-bucket"), allowed.get("minio"), "who reaches S3");
        assertEquals(Set.of("document-service"), allowed.get("clamav"), "who reaches clamd");
        assertEquals(Set.of("notification-service"), allowed.get("mailpit"), "who reaches SMTP");
        for (String service : SERVICES) {
            assertTrue(allowed.containsKey(service), service + " has no NetworkPolicy (the default denies it all)");
        }
    }

    @Test
    void kustomizationListsEveryManifest() {
        Map<String, Object> kustomization = asMap(k8s.get("kustomization.yaml").get(0), "kustomization.yaml");
        Set<String> listed = asList(kustomization.get("resources"), "resources").stream().map(String::valueOf)
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String file : k8s.keySet()) {
            if (!file.equals("kustomization.yaml") && !listed.contains(file)) {
                problems.add("deploy/k8s/" + file + " is not listed in kustomization.yaml resources");
            }
        }
        for (String entry : listed) {
            if (!k8s.containsKey(entry)) {
                problems.add("kustomization.yaml lists " + entry + " which does not exist");
            }
        }
        assertNoProblems(problems, "kustomization");
    }

    @Test
    void postgresInitScriptIsTheSameForComposeAndKubernetes() throws IOException {
        String script = Files.readString(root.resolve("deploy/compose/postgres-init.sql"), StandardCharsets.UTF_8);
        Map<String, Object> cm = k8sObject("ConfigMap", "postgres-init");
        assertTrue(cm != null, "deploy/k8s: no ConfigMap postgres-init");
        assertEquals(script, dig(cm, "data", "postgres-init.sql"),
                "ConfigMap postgres-init (deploy/k8s/infra/postgres.yaml) differs from deploy/compose/postgres-init.sql");
        for (String service : SERVICES) {
            String db = service.substring(0, service.indexOf('-'));
            assertTrue(script.contains("CREATE DATABASE " + db + " OWNER " + db + ";"),
                    "postgres-init.sql does not create database " + db);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    static List<String> serviceModules() {
        try {
            String pom = Files.readString(findRoot().resolve("pom.xml"), StandardCharsets.UTF_8);
            List<String> modules = new ArrayList<>();
            Matcher m = Pattern.compile("<module>([a-z0-9-]+-service)</module>").matcher(pom);
            while (m.find()) {
                modules.add(m.group(1));
            }
            return List.copyOf(modules);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/CONVENTIONS.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("repository root (with docs/CONVENTIONS.md) not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path appProperties(String service) {
        return root.resolve(service).resolve("src/main/resources/application.properties");
    }

    static List<Object> loadAll(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " does not exist");
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Object> docs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object doc : yaml.loadAll(reader)) {
                if (doc != null) {
                    docs.add(doc);
                }
            }
        } catch (RuntimeException e) {
            fail(root.relativize(file) + " is not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    /** Profiles that never run in a container; %prod and unprofiled keys count. */
    static boolean containerProfile(String key) {
        return !key.startsWith("%") || key.startsWith("%prod.");
    }

    static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

    static Map<String, VarRef> envRefs(Path file) throws IOException {
        Map<String, VarRef> refs = new TreeMap<>();
        String rel = root.relativize(file).toString().replace('\\', '/');
        Properties p = properties(file);
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!containerProfile(key)) {
                continue;
            }
            Matcher m = ENV_REF.matcher(p.getProperty(key));
            while (m.find()) {
                VarRef ref = new VarRef(m.group(1), rel, ":".equals(m.group(2)));
                refs.merge(ref.name(), ref, (a, b) -> a.hasDefault() && !b.hasDefault() ? b : a);
            }
        }
        return refs;
    }

    static boolean defaultIsFine(String name) {
        return DEFAULT_IS_FINE.keySet().stream().anyMatch(
                e -> e.endsWith("*") ? name.startsWith(e.substring(0, e.length() - 1)) : name.equals(e));
    }

    static List<VarRef> required(String service) {
        return serviceVars.get(service).values().stream().filter(r -> !r.hasDefault() || !defaultIsFine(r.name()))
                .toList();
    }

    static Map<String, Object> composeEnv(Map<String, Object> svc) {
        Map<String, Object> env = new TreeMap<>();
        Object e = svc.get("environment");
        if (e instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v));
        } else if (e instanceof List<?> l) {
            for (Object item : l) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return env;
    }

    static Set<String> composeEnvNames(Map<String, Object> svc, String service) {
        assertTrue(svc.get("env_file") == null, service + ": env_file is not checked by this test; use environment");
        return composeEnv(svc).keySet();
    }

    static Map<String, Object> k8sObject(String kind, String name) {
        for (List<Object> docs : k8s.values()) {
            for (Object doc : docs) {
                if (doc instanceof Map<?, ?> m && kind.equals(m.get("kind"))
                        && name.equals(dig(asMap(m, kind), "metadata", "name"))) {
                    return asMap(m, kind);
                }
            }
        }
        return null;
    }

    static Map<String, Object> firstContainer(Map<String, Object> workload, String name) {
        List<Object> containers = asList(dig(workload, "spec", "template", "spec", "containers"), name + " containers");
        return asMap(containers.get(0), name + " container");
    }

    static Set<String> k8sEnvNames(String service, Map<String, Object> deployment, List<String> problems) {
        Map<String, Object> container = firstContainer(deployment, service);
        Set<String> names = new TreeSet<>();
        Object env = container.get("env");
        if (env != null) {
            for (Object e : asList(env, service + " env")) {
                names.add(String.valueOf(asMap(e, "env").get("name")));
            }
        }
        Object envFrom = container.get("envFrom");
        if (envFrom != null) {
            for (Object e : asList(envFrom, service + " envFrom")) {
                Map<String, Object> from = asMap(e, "envFrom");
                String prefix = from.get("prefix") == null ? "" : String.valueOf(from.get("prefix"));
                for (String kind : List.of("ConfigMap", "Secret")) {
                    Object ref = from.get(kind.equals("ConfigMap") ? "configMapRef" : "secretRef");
                    if (ref == null) {
                        continue;
                    }
                    String refName = String.valueOf(asMap(ref, "ref").get("name"));
                    Map<String, Object> obj = k8sObject(kind, refName);
                    if (obj == null) {
                        problems.add("deploy/k8s: Deployment " + service + " uses " + kind + " " + refName
                                + " which is not defined in deploy/k8s");
                        continue;
                    }
                    for (String section : List.of("data", "stringData")) {
                        if (obj.get(section) instanceof Map<?, ?> data) {
                            data.keySet().forEach(k -> names.add(prefix + k));
                        }
                    }
                }
            }
        }
        return names;
    }

    static Map<String, Object> k8sJobEnv(String job) {
        Map<String, Object> obj = k8sObject("Job", job);
        assertTrue(obj != null, "deploy/k8s: no Job " + job);
        Map<String, Object> env = new TreeMap<>();
        Object list = firstContainer(obj, job).get("env");
        if (list != null) {
            for (Object e : asList(list, job + " env")) {
                Map<String, Object> m = asMap(e, "env");
                env.put(String.valueOf(m.get("name")), m.get("value"));
            }
        }
        return env;
    }

    /** "a:6 b:3" -> {a=6, b=3} */
    static Map<String, Integer> topicSpec(Object value, String where) {
        assertTrue(value != null, where + " is missing");
        Map<String, Integer> topics = new TreeMap<>();
        for (String spec : String.valueOf(value).trim().split("\\s+")) {
            String[] parts = spec.split(":");
            assertEquals(2, parts.length, where + ": '" + spec + "' is not topic:partitions");
            topics.put(parts[0], Integer.valueOf(parts[1]));
        }
        return topics;
    }

    static Map<String, Integer> asyncapiTopics() {
        Map<String, Integer> topics = new TreeMap<>();
        asMap(asyncapi.get("channels"), "channels").forEach((name, value) -> {
            Map<String, Object> channel = asMap(value, name);
            Object address = channel.get("address");
            assertTrue(address != null, "asyncapi channel " + name + " has no address");
            Object partitions = dig(channel, "bindings", "kafka", "partitions");
            topics.put(String.valueOf(address), partitions == null ? null : ((Number) partitions).intValue());
        });
        return topics;
    }

    static final Pattern TOPIC_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topics?|"
            + "mp\\.messaging\\.(incoming|outgoing|connector)\\.[^.]+\\.dead-letter-queue\\.topic");

    /** Topics are configured as {@code ${expat.kafka.topic-prefix:}expat.x}: the deployments set no prefix. */
    static String withoutTopicPrefix(String value) {
        return value.replace("${expat.kafka.topic-prefix:}", "");
    }

    static Set<String> configuredTopics(Path file) throws IOException {
        Set<String> topics = new TreeSet<>();
        Properties p = properties(file);
        for (String key : p.stringPropertyNames()) {
            String k = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            if (TOPIC_KEY.matcher(k).matches()) {
                for (String t : withoutTopicPrefix(p.getProperty(key)).split(",")) {
                    String topic = t.trim();
                    // a test-only topic does not need to exist in the deployments
                    if (!topic.isEmpty() && containerProfile(key) && !topic.contains("${")) {
                        topics.add(topic);
                    }
                }
            }
        }
        return topics;
    }

    static String contractsEventsSection() throws IOException {
        String contracts = Files.readString(root.resolve("docs/CONTRACTS.md"), StandardCharsets.UTF_8);
        int start = contracts.indexOf("## Events");
        assertTrue(start >= 0, "docs/CONTRACTS.md has no '## Events' section");
        int end = contracts.indexOf("\n## ", start + 3);
        return end < 0 ? contracts.substring(start) : contracts.substring(start, end);
    }

    static Set<String> contractTopics() throws IOException {
        Set<String> topics = new TreeSet<>();
        Matcher m = Pattern.compile("Topic `(expat\\.[a-z.-]+)`").matcher(contractsEventsSection());
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    static Set<String> contractEventTypes() throws IOException {
        Set<String> types = new TreeSet<>();
        Matcher m = Pattern.compile("`([a-z]+\\.[a-z][a-z-]*)`").matcher(contractsEventsSection());
        while (m.find()) {
            if (!m.group(1).startsWith("expat.")) {
                types.add(m.group(1));
            }
        }
        return types;
    }

    static void checkProbe(Map<String, Object> container, String probe, String path, String service,
            List<String> problems) {
        Object actual = dig(container, probe, "httpGet", "path");
        if (!path.equals(actual)) {
            problems.add(service + ": " + probe + " must GET " + path + " (is " + actual + ")");
        }
    }

    static Object dig(Object node, String... path) {
        Object current = node;
        for (String p : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(p);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o, String what) {
        if (!(o instanceof Map<?, ?>)) {
            fail(what + ": expected a mapping, got " + (o == null ? "nothing" : o.getClass().getSimpleName()));
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o, String what) {
        if (!(o instanceof List<?>)) {
            fail(what + ": expected a list, got " + (o == null ? "nothing" : o.getClass().getSimpleName()));
        }
        return (List<Object>) o;
    }

    static void assertNoProblems(Collection<String> problems, String hint) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) - " + hint + ":\n  " + String.join("\n  ", new LinkedHashSet<>(problems)));
        }
    }
}
