package kz.aifc.expat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static kz.aifc.expat.bench.Harness.ACME;
import static kz.aifc.expat.bench.Harness.JSON;
import static kz.aifc.expat.bench.Harness.cloudEvent;
import static kz.aifc.expat.bench.Harness.env;
import static kz.aifc.expat.bench.Harness.fmt;
import static kz.aifc.expat.bench.Harness.log;
import static kz.aifc.expat.bench.Harness.out;
import static kz.aifc.expat.bench.Harness.pct;
import static kz.aifc.expat.bench.Harness.producer;
import static kz.aifc.expat.bench.Harness.send;
import static kz.aifc.expat.bench.Harness.token;

/**
 * notification-service (#12): how long from an event on Kafka to (a) the e-mail accepted by the SMTP server
 * ({@code notification.status = SENT}, polled in its database) and (b) the webhook request at a receiver, one event
 * at a time; then (c) a fan-out to many endpoints of which a fifth hang (never answer), measuring what the healthy
 * receivers see. The single-endpoint latency of (b) is the ceiling of (c): hanging receivers must not slow the others.
 * Events carry random application ids (the composer reads nothing it could find: an e-mail to the company contact
 * only), so the system's data is not touched; the bench contact and endpoints are removed at the end.
 */
final class NotifyBench {

    static final String NOTIFY = env("NOTIFICATION_URL", "http://127.0.0.1:8086");
    static final String APPLICATION = env("APPLICATION_URL", "http://127.0.0.1:8082");
    static final String NOTIFY_DB = env("NOTIFICATION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/notification");
    static final String GLOBEX = "190540001230";
    /** The service's cap of endpoints per company: the fan-out uses two companies' worth. */
    static final int PER_COMPANY = 20;
    static final String WEBHOOK_TYPE = "appointment.checked-in";   // webhooks only, no e-mail
    static final String DESCRIPTION = "bench NotifyBench";

    private NotifyBench() {
    }

    /** Receivers on one local port: /ok/n answers 204 at once and records the arrival; /hang/n never answers. */
    static final class Receivers implements AutoCloseable {
        final HttpServer server;
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();     // CloudEvent id -> publish nanoTime
        final List<Long> healthyLatency = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);

        Receivers() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "bench-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/ok/", this::ok);
            server.createContext("/hang/", this::hang);
            server.start();
        }

        String url(String kind, int n) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + kind + "/" + n;
        }

        private void ok(HttpExchange exchange) throws IOException {
            long now = System.nanoTime();
            try (exchange; InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                Long t0 = sentAt.get(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")));
                if (t0 != null) {
                    healthyLatency.add(now - t0);
                }
                exchange.sendResponseHeaders(204, -1);
            }
        }

        private void hang(HttpExchange exchange) {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                release.await(10, TimeUnit.MINUTES);   // the sender times out first (WEBHOOK_TIMEOUT, 10 s)
            } catch (IOException | InterruptedException ignored) {
                // the sender gave up
            }
        }

        @Override
        public void close() {
            release.countDown();
            server.stop(0);
        }
    }

    static void run(Map<String, String> a) throws Exception {
        int events = Integer.parseInt(a.getOrDefault("events", "100"));
        int fanoutEvents = Integer.parseInt(a.getOrDefault("fanout_events", "50"));
        int endpoints = Math.min(Integer.parseInt(a.getOrDefault("endpoints", "40")), 2 * PER_COMPANY);
        int hanging = Integer.parseInt(a.getOrDefault("hanging", String.valueOf(endpoints / 5)));
        String acme = token("hr.acme");
        String globex = token("hr.globex");
        removeBenchEndpoints(acme);
        removeBenchEndpoints(globex);
        String contact = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.mail.test";
        JsonNode contacts = JSON.readTree(send("GET", APPLICATION + "/api/v1/companies/" + ACME
                + "/notification-contacts", acme, null).body()).path("contacts");
        List<JsonNode> kept = new ArrayList<>();
        contacts.forEach(c -> {
            if (!c.path("email").asText().endsWith("@bench.mail.test")) {
                kept.add(c);
            }
        });
        try (KafkaProducer<String, String> producer = producer(); Receivers receivers = new Receivers();
             Connection db = DriverManager.getConnection(NOTIFY_DB, env("NOTIFICATION_DB_USER", "notification"),
                     env("NOTIFICATION_DB_PASSWORD", "notification"))) {
            List<Object> withBench = new ArrayList<>(kept.subList(0, Math.min(kept.size(), 19)));
            withBench.add(Map.of("email", contact, "language", "en"));
            check(send("PUT", APPLICATION + "/api/v1/companies/" + ACME + "/notification-contacts", acme,
                    JSON.writeValueAsString(Map.of("contacts", withBench))), 200, "bench contact");
            try {
                mail(producer, db, events);
                String single = subscribe(acme, receivers.url("ok", 0));
                webhook(producer, receivers, events);
                send("DELETE", NOTIFY + "/api/v1/webhooks/" + single, acme, null);
                // the ceiling: the same fan-out to the healthy endpoints alone, alternating with the real one
                int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
                List<Fanout> alone = new ArrayList<>();
                List<Fanout> withHanging = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    alone.add(fanout(producer, receivers, acme, globex, endpoints - hanging, 0, fanoutEvents));
                    withHanging.add(fanout(producer, receivers, acme, globex, endpoints, hanging, fanoutEvents));
                }
                report("notify.fanout", endpoints, hanging, fanoutEvents, withHanging);
                report("notify.fanout_alone", endpoints - hanging, 0, fanoutEvents, alone);
                out("notify.fanout.p99_ratio", String.format(java.util.Locale.ROOT, "%.2f",
                        median(withHanging, Fanout::p99) / median(alone, Fanout::p99)));
            } finally {
                send("PUT", APPLICATION + "/api/v1/companies/" + ACME + "/notification-contacts", acme,
                        JSON.writeValueAsString(Map.of("contacts", kept)));
                removeBenchEndpoints(token("hr.acme"));
                removeBenchEndpoints(token("hr.globex"));
            }
        }
    }

    /** (a) payment.received → e-mail to the company contact accepted by the SMTP server, one event at a time. */
    static void mail(KafkaProducer<String, String> producer, Connection db, int events) throws Exception {
        long[] lat = new long[events];
        try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM notification WHERE event_id = ? "
                + "AND status = 'SENT'")) {
            for (int i = -1; i < events; i++) {   // i = -1: warm-up, not counted
                ProducerRecord<String, String> record = paymentReceived();
                String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                long t0 = System.nanoTime();
                producer.send(record);
                q.setString(1, id);
                long deadline = t0 + 60_000_000_000L;
                while (true) {
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            break;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no e-mail SENT within 60 s for event " + id);
                    }
                    Thread.sleep(0, 500_000);
                }
                if (i >= 0) {
                    lat[i] = System.nanoTime() - t0;
                }
            }
        }
        Arrays.sort(lat);
        out("notify.mail.events", events);
        out("notify.mail.p50_ms", fmt(pct(lat, 50)));
        out("notify.mail.p99_ms", fmt(pct(lat, 99)));
        out("notify.mail.max_ms", fmt(lat[lat.length - 1] / 1e6));
    }

    /** (b) one endpoint: event → signed request at the receiver, one event at a time. */
    static void webhook(KafkaProducer<String, String> producer, Receivers receivers, int events) throws Exception {
        for (int i = -1; i < events; i++) {
            int before = receivers.healthyLatency.size();
            publishCheckIn(producer, receivers, ACME);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (receivers.healthyLatency.size() == before) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no webhook within 60 s");
                }
                Thread.sleep(0, 500_000);
            }
            if (i < 0) {
                receivers.healthyLatency.clear();   // warm-up
            }
        }
        long[] lat = sorted(receivers.healthyLatency);
        receivers.healthyLatency.clear();
        out("notify.webhook.events", events);
        out("notify.webhook.p50_ms", fmt(pct(lat, 50)));
        out("notify.webhook.p99_ms", fmt(pct(lat, 99)));
        out("notify.webhook.max_ms", fmt(lat[lat.length - 1] / 1e6));
    }

    /** One fan-out round's figures for the healthy receivers (latencies in ms). */
    record Fanout(long expected, long delivered, double perSecond, double p50, double p99, double max) {
    }

    /**
     * (c) {@code endpoints} endpoints over two companies, {@code hanging} of them never answering; {@code events}
     * events per company published at 10 per second; latency and throughput of the deliveries to the healthy ones.
     * The round's endpoints are removed afterwards (their hanging requests time out at the service).
     */
    static Fanout fanout(KafkaProducer<String, String> producer, Receivers receivers, String acme, String globex,
                         int endpoints, int hanging, int events) throws Exception {
        receivers.healthyLatency.clear();
        int healthyPerCompany = 0;
        for (int n = 0; n < endpoints; n++) {
            boolean hangs = n < hanging;
            String company = n % 2 == 0 ? acme : globex;
            subscribe(company, receivers.url(hangs ? "hang" : "ok", n));
            if (!hangs && n % 2 == 0) {
                healthyPerCompany++;
            }
        }
        int healthyAcme = healthyPerCompany;
        int healthyGlobex = endpoints - hanging - healthyAcme;
        long expected = (long) events * (healthyAcme + healthyGlobex);
        long t0 = System.nanoTime();
        for (int i = 0; i < events; i++) {
            publishCheckIn(producer, receivers, ACME);
            publishCheckIn(producer, receivers, GLOBEX);
            Thread.sleep(100);
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (receivers.healthyLatency.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] lat = sorted(receivers.healthyLatency);
        removeBenchEndpoints(acme);
        removeBenchEndpoints(globex);
        return new Fanout(expected, lat.length, lat.length / seconds, pct(lat, 50), pct(lat, 99),
                lat.length == 0 ? Double.NaN : lat[lat.length - 1] / 1e6);
    }

    static double median(List<Fanout> rounds, java.util.function.ToDoubleFunction<Fanout> figure) {
        double[] v = rounds.stream().mapToDouble(figure).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Medians over the rounds; "delivered" is the smallest round's (every round must deliver everything). */
    static void report(String prefix, int endpoints, int hanging, int events, List<Fanout> rounds) {
        out(prefix + ".endpoints", endpoints);
        out(prefix + ".hanging", hanging);
        out(prefix + ".events", 2 * events);
        out(prefix + ".rounds", rounds.size());
        out(prefix + ".expected", rounds.get(0).expected());
        out(prefix + ".delivered", rounds.stream().mapToLong(Fanout::delivered).min().orElse(0));
        out(prefix + ".per_s", fmt(median(rounds, Fanout::perSecond)));
        out(prefix + ".p50_ms", fmt(median(rounds, Fanout::p50)));
        out(prefix + ".p99_ms", fmt(median(rounds, Fanout::p99)));
        out(prefix + ".max_ms", fmt(median(rounds, Fanout::max)));
    }

    static void publishCheckIn(KafkaProducer<String, String> producer, Receivers receivers, String companyBin)
            throws Exception {
        String app = UUID.randomUUID().toString();
        String json = "{\"appointmentId\":\"" + UUID.randomUUID() + "\",\"applicationId\":\"" + app
                + "\",\"companyBin\":\"" + companyBin + "\",\"at\":\"" + OffsetDateTime.now() + "\"}";
        ProducerRecord<String, String> record = cloudEvent("expat.appointment", WEBHOOK_TYPE, app, json);
        receivers.sentAt.put(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
                System.nanoTime());
        producer.send(record);
    }

    static ProducerRecord<String, String> paymentReceived() {
        String app = UUID.randomUUID().toString();
        String json = "{\"invoiceId\":\"" + UUID.randomUUID() + "\",\"applicationId\":\"" + app + "\",\"companyBin\":\""
                + ACME + "\",\"paymentId\":\"" + UUID.randomUUID() + "\",\"reference\":\"BENCH-" + UUID.randomUUID()
                + "\",\"amount\":1000.00}";
        return cloudEvent("expat.fee", "payment.received", app, json);
    }

    static String subscribe(String token, String url) throws Exception {
        HttpResponse<String> r = send("POST", NOTIFY + "/api/v1/webhooks", token, JSON.writeValueAsString(Map.of(
                "url", url, "eventTypes", List.of(WEBHOOK_TYPE), "description", DESCRIPTION)));
        check(r, 201, "webhook endpoint " + url);
        return JSON.readTree(r.body()).get("id").asText();
    }

    static void removeBenchEndpoints(String token) throws Exception {
        JsonNode list = JSON.readTree(send("GET", NOTIFY + "/api/v1/webhooks?size=100", token, null).body());
        JsonNode items = list.has("items") ? list.get("items") : list;
        int removed = 0;
        for (JsonNode e : items) {
            if (DESCRIPTION.equals(e.path("description").asText())) {
                send("DELETE", NOTIFY + "/api/v1/webhooks/" + e.get("id").asText(), token, null);
                removed++;
            }
        }
        if (removed > 0) {
            log("removed " + removed + " bench webhook endpoints");
        }
    }

    static void check(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
        }
    }

    static long[] sorted(List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
