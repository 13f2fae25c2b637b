package kz.aifc.expat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Benchmark clients that wrk, curl and pgbench cannot be. Every figure is printed as {@code key=value} on stdout (the
 * lines bench/run.sh collects); progress goes to stderr. Sub-commands:
 * <ul>
 *   <li>{@code booking clients=10,50 seconds=20 pool=5000 contended=10000 contendedApps=2000} — opens booking for
 *   fresh applications by publishing {@code documents.approved} (as document-service would), raises the counters of
 *   the last working days of the booking horizon, books with distinct applications at each concurrency (throughput,
 *   p50/p99), then makes {@code contended} attempts on two slots and checks the database for double bookings;
 *   finally removes every {@code bench-} appointment/application and restores the counters.</li>
 *   <li>{@code latency events=100} — documents.approved published → booking open visible in the database.</li>
 *   <li>{@code docprep} / {@code docdone app=...} — an application with a checklist in document-service (via
 *   application.submitted) for the upload benchmark; withdraws it afterwards.</li>
 *   <li>{@code notify events=100 fanout_events=50 endpoints=40 hanging=8} — notification-service: event → e-mail
 *   accepted by SMTP, event → webhook, and a fan-out with hanging receivers ({@link NotifyBench}).</li>
 *   <li>{@code cleanup} — removes what an interrupted booking run left behind.</li>
 * </ul>
 */
public final class Harness {

    static final String ACME = "180340021791";
    static final String SERVICE = "iin";                 // 15-minute slots: 32 per day
    static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    static final String ACTIVE = "('HELD', 'BOOKED', 'CHECKED_IN')";
    static final ObjectMapper JSON = new ObjectMapper();
    static final PrintStream OUT = System.out;

    static String env(String name, String dflt) {
        return System.getenv().getOrDefault(name, dflt);
    }

    static final String KEYCLOAK = env("OIDC_AUTH_SERVER_URL", "http://127.0.0.1:8180/realms/expat");
    static final String KAFKA = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    static final String SCHEDULING = env("SCHEDULING_URL", "http://127.0.0.1:8084");
    static final String DOCUMENT = env("DOCUMENT_URL", "http://127.0.0.1:8083");
    static final String SCHED_DB = env("SCHEDULING_DB_URL", "jdbc:postgresql://127.0.0.1:5432/scheduling");

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        String cmd = args.length == 0 ? "" : args[0];
        switch (cmd) {
            case "booking" -> booking(a);
            case "latency" -> latency(Integer.parseInt(a.getOrDefault("events", "100")));
            case "docprep" -> docprep(a.getOrDefault("service", "work-visa-issuance"));
            case "docdone" -> docdone(a.get("app"));
            case "notify" -> NotifyBench.run(a);
            case "cleanup" -> {
                try (Connection c = db()) {
                    log("bench appointments removed, seats given back in " + cleanup(c) + " quarter hours");
                }
                // a killed run may have left its 100-counter overrides at the end of the horizon
                String admin = token("admin");
                LocalDate today = LocalDate.now(ZONE);
                for (var e : counters(admin, today.plusDays(24), today.plusDays(30)).entrySet()) {
                    if (e.getValue() == 100) {
                        send("DELETE", SCHEDULING + "/api/v1/admin/counters/" + e.getKey(), admin, null);
                        log("counter override of " + e.getKey() + " (100) removed");
                    }
                }
            }
            default -> {
                System.err.println("usage: Harness booking|latency|notify|docprep|docdone|cleanup [key=value ...]");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------ booking

    record Stats(int clients, long ok, long attempts, double seconds, double throughput, double p50ms,
                 double p99ms, Map<Integer, Long> statuses) {
    }

    static void booking(Map<String, String> a) throws Exception {
        List<Integer> clientCounts = Arrays.stream(a.getOrDefault("clients", "10,50").split(","))
                .map(Integer::parseInt).toList();
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "20"));
        int pool = Integer.parseInt(a.getOrDefault("pool", "12000"));
        int contended = Integer.parseInt(a.getOrDefault("contended", "10000"));
        int contendedApps = Integer.parseInt(a.getOrDefault("contendedApps", "2000"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "200"));
        int rushClients = Integer.parseInt(a.getOrDefault("rush", "1000"));
        String run = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        String admin = token("admin");
        String hr = token("hr.acme");

        LocalDate today = LocalDate.now(ZONE);
        LocalDate from = today.plusDays(24);
        LocalDate to = today.plusDays(30);   // scheduling.horizon-days=30
        TreeSet<LocalDate> days = new TreeSet<>();
        for (JsonNode s : slots(from, to)) {
            days.add(OffsetDateTime.parse(s.get("start").asText()).atZoneSameInstant(ZONE).toLocalDate());
        }
        if (days.size() < 2) {
            throw new IllegalStateException("need at least two working days between " + from + " and " + to
                    + " for the booking benchmark, found " + days);
        }
        LocalDate contendedDay = days.last();
        List<LocalDate> throughputDays = new ArrayList<>(days.headSet(contendedDay));
        Map<LocalDate, Integer> previous = counters(admin, from, to);
        Thread restore = new Thread(() -> {   // also on Ctrl-C / kill: seats and counters back as they were
            try (Connection c = db()) {
                log("cleanup: bench appointments removed, seats given back in " + cleanup(c) + " quarter hours");
                for (LocalDate d : days) {
                    if (previous.containsKey(d)) {
                        setCounters(admin, d, previous.get(d));
                    } else {
                        send("DELETE", SCHEDULING + "/api/v1/admin/counters/" + d, admin, null);
                    }
                }
                log("counters restored");
            } catch (Exception e) {
                log("cleanup failed: " + e + " — run the harness with 'cleanup'");
            }
        });
        Runtime.getRuntime().addShutdownHook(restore);
        try (Connection db = db()) {
            log("leftovers of earlier runs removed (seats given back in " + cleanup(db) + " quarter hours)");
            try {
                for (LocalDate d : days) {
                    setCounters(admin, d, 100);
                }
                List<String> throughputSlots = new ArrayList<>();
                List<String> contendedSlots = new ArrayList<>();
                List<String> rushSlots = new ArrayList<>();
                OffsetDateTime earliest = OffsetDateTime.now().plusHours(3);
                for (JsonNode s : slots(from, to)) {
                    String start = s.get("start").asText();
                    OffsetDateTime t = OffsetDateTime.parse(start);
                    if (t.isBefore(earliest) || s.get("remaining").asInt() < 100) {
                        continue;   // a slot someone already booked: keep the seat count exact
                    }
                    if (t.atZoneSameInstant(ZONE).toLocalDate().equals(contendedDay)) {
                        if (contendedSlots.size() < 2) {
                            contendedSlots.add(start);
                        } else if (rushSlots.size() < 2) {
                            rushSlots.add(start);
                        }
                    } else {
                        throughputSlots.add(start);
                    }
                }
                out("booking.service", SERVICE);
                out("booking.days", throughputDays.toString());
                out("booking.slots", throughputSlots.size());
                out("booking.seats", throughputSlots.size() * 100);
                int total = warmup + pool + contendedApps + rushClients;
                List<String> apps = openApplications(db, run, total,
                        Integer.parseInt(a.getOrDefault("viaKafka", "100")));
                List<String> warm = apps.subList(0, warmup);
                List<String> poolApps = apps.subList(warmup, warmup + pool);
                List<String> contendedIds = apps.subList(warmup + pool, warmup + pool + contendedApps);
                List<String> rushIds = apps.subList(warmup + pool + contendedApps, total);

                AtomicInteger nextApp = new AtomicInteger();
                AtomicInteger nextSlot = new AtomicInteger();
                log("warm-up: " + warmup + " bookings");
                measure(hr, 10, 120, warm, new AtomicInteger(), throughputSlots, nextSlot);
                // each concurrency gets an equal share of the pool; a run ends at its time or when its share is used
                int offset = 0;
                for (int c : clientCounts) {
                    int share = poolApps.size() / clientCounts.size();
                    List<String> mine = poolApps.subList(offset, Math.min(poolApps.size(), offset + share));
                    offset += share;
                    Stats st = measure(hr, c, seconds, mine, new AtomicInteger(), throughputSlots, nextSlot);
                    String p = "booking.c" + c + ".";
                    out(p + "ok", st.ok());
                    out(p + "attempts", st.attempts());
                    out(p + "seconds", fmt(st.seconds()));
                    out(p + "throughput", fmt(st.throughput()));
                    out(p + "p50_ms", fmt(st.p50ms()));
                    out(p + "p99_ms", fmt(st.p99ms()));
                    out(p + "statuses", st.statuses().toString());
                    out(p + "pool_exhausted", st.attempts() >= mine.size());
                }
                nextApp.set(0);

                // contention: every application tries every contended slot several times, shuffled
                List<String[]> attempts = new ArrayList<>(contended);
                Random random = new Random(42);
                for (int i = 0; i < contended; i++) {
                    attempts.add(new String[]{contendedIds.get(i % contendedIds.size()),
                            contendedSlots.get(random.nextInt(contendedSlots.size()))});
                }
                Collections.shuffle(attempts, random);
                int cc = clientCounts.stream().mapToInt(Integer::intValue).max().orElse(50);
                Stats st = contend(hr, cc, attempts);
                out("contended.attempts", st.attempts());
                out("contended.clients", cc);
                out("contended.slots", contendedSlots.size());
                out("contended.seats", contendedSlots.size() * 100);
                out("contended.applications", contendedIds.size());
                out("contended.created", st.ok());
                out("contended.statuses", st.statuses().toString());
                out("contended.seconds", fmt(st.seconds()));
                out("contended.throughput", fmt(st.attempts() / st.seconds()));
                String like = run + "-%";
                long overbooked = count(db, "SELECT count(*) FROM seat_bucket WHERE booked > capacity");
                // quarter hours this run booked whose seat count differs from the active visits overlapping them,
                // or that hold more active visits than seats (counted from the appointments, not the counter)
                String overlapping = "(SELECT count(*) FROM appointment a WHERE a.status IN " + ACTIVE
                        + " AND a.starts_at < b.starts_at + INTERVAL '15 minutes' AND a.ends_at > b.starts_at)";
                String touched = "b.starts_at IN (SELECT g FROM appointment x, generate_series(date_bin('15 minutes', "
                        + "x.starts_at, TIMESTAMPTZ '2000-01-01 00:00+00'), x.ends_at - INTERVAL '1 microsecond', "
                        + "INTERVAL '15 minutes') g WHERE x.application_id LIKE '" + like + "')";
                long mismatched = count(db, "SELECT count(*) FROM seat_bucket b WHERE " + touched
                        + " AND b.booked <> " + overlapping);
                long twoActive = count(db, "SELECT count(*) FROM (SELECT application_id FROM appointment "
                        + "WHERE status IN " + ACTIVE + " AND application_id LIKE '" + like + "' "
                        + "GROUP BY application_id HAVING count(*) > 1) x");
                long overCapacity = count(db, "SELECT count(*) FROM seat_bucket b WHERE " + touched
                        + " AND " + overlapping + " > b.capacity");
                long rows = count(db, "SELECT count(*) FROM appointment WHERE status IN " + ACTIVE
                        + " AND application_id IN (" + contendedIds.stream().map(i -> "'" + i + "'")
                        .collect(Collectors.joining(",")) + ")");
                out("contended.rows", rows);
                out("contended.check.overbooked_buckets", overbooked);
                out("contended.check.buckets_booked_neq_active", mismatched);
                out("contended.check.applications_with_two_active", twoActive);
                out("contended.check.buckets_more_visits_than_seats", overCapacity);
                out("contended.check.rows_neq_201", rows != st.ok() ? Math.abs(rows - st.ok()) : 0);
                out("contended.double_bookings", overbooked + mismatched + twoActive + overCapacity
                        + Math.max(0, rows - st.ok()));

                // the rush: every client wants one of the seats that open at once, all released by one latch
                Stats rush = rush(hr, rushIds, rushSlots);
                out("rush.clients", rush.clients());
                out("rush.seats", rushSlots.size() * 100);
                out("rush.created", rush.ok());
                out("rush.statuses", rush.statuses().toString());
                out("rush.p50_ms", fmt(rush.p50ms()));
                out("rush.p99_ms", fmt(rush.p99ms()));
                out("rush.seconds", fmt(rush.seconds()));
                out("rush.only_201_409", rush.statuses().keySet().stream().allMatch(k -> k == 201 || k == 409));
                long rushRows = count(db, "SELECT count(*) FROM appointment WHERE status IN " + ACTIVE
                        + " AND application_id IN (" + rushIds.stream().map(i -> "'" + i + "'")
                        .collect(Collectors.joining(",")) + ")");
                long rushSeats = count(db, "SELECT coalesce(sum(booked), 0) FROM seat_bucket WHERE starts_at IN ("
                        + rushSlots.stream().map(t -> "TIMESTAMPTZ '" + t + "'").collect(Collectors.joining(","))
                        + ")");
                out("rush.bookings", rushRows);
                out("rush.seats_taken", rushSeats);
            } finally {
                Runtime.getRuntime().removeShutdownHook(restore);
                restore.run();
            }
        }
    }

    /** Closed loop: each client books the next application of the list on the next slot until time or list end. */
    static Stats measure(String token, int clients, int seconds, List<String> apps, AtomicInteger next,
                         List<String> slots, AtomicInteger nextSlot) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        return load(clients, () -> {
            if (System.nanoTime() > deadline) {
                return null;
            }
            int i = next.getAndIncrement();
            if (i >= apps.size()) {
                return null;
            }
            return new String[]{apps.get(i), slots.get(Math.floorMod(nextSlot.getAndIncrement(), slots.size()))};
        }, token);
    }

    static Stats contend(String token, int clients, List<String[]> attempts) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + 600_000_000_000L;
        return load(clients, () -> {
            int i = next.getAndIncrement();
            return i < attempts.size() && System.nanoTime() < deadline ? attempts.get(i) : null;
        }, token);
    }

    /** One attempt per client, all sent the moment a latch opens; each client picks one of the slots in turn. */
    static Stats rush(String token, List<String> apps, List<String> slots) throws Exception {
        int clients = apps.size();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] latencies = new long[clients];
        int[] codes = new int[clients];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int c = i;
            String body = "{\"applicationId\":\"" + apps.get(c) + "\",\"start\":\"" + slots.get(c % slots.size())
                    + "\"}";
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    long t0 = System.nanoTime();
                    try {
                        codes[c] = send("POST", SCHEDULING + "/api/v1/appointments", token, body).statusCode();
                    } catch (Exception e) {
                        codes[c] = -1;
                    }
                    latencies[c] = System.nanoTime() - t0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        Map<Integer, Long> st = new TreeMap<>();
        for (int code : codes) {
            st.merge(code, 1L, Long::sum);
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        long ok = st.getOrDefault(201, 0L);
        return new Stats(clients, ok, clients, secs, ok / secs, pct(sorted, 50), pct(sorted, 99), st);
    }

    interface Source {
        String[] next();
    }

    static Stats load(int clients, Source source, String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                String[] job;
                while ((job = source.next()) != null) {
                    String body = "{\"applicationId\":\"" + job[0] + "\",\"start\":\"" + job[1] + "\"}";
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = send("POST", SCHEDULING + "/api/v1/appointments", token, body).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long t = System.nanoTime() - t0;
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = t;
                    statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                }
                latencies.add(Arrays.copyOf(mine, n));
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long ok = statuses.getOrDefault(201, new AtomicLong()).get();
        Map<Integer, Long> st = new TreeMap<>();
        statuses.forEach((k, v) -> st.put(k, v.get()));
        // where the slow answers are: a client's first request (a new connection) or later ones
        long slowFirst = 0;
        long slowLater = 0;
        synchronized (latencies) {
            for (long[] mine : latencies) {
                for (int i = 0; i < mine.length; i++) {
                    if (mine[i] >= 1_000_000_000L) {
                        if (i == 0) {
                            slowFirst++;
                        } else {
                            slowLater++;
                        }
                    }
                }
            }
        }
        System.err.printf("[harness] %d clients: answers slower than 1 s: %d first requests of a client, %d later%n",
                clients, slowFirst, slowLater);
        return new Stats(clients, ok, all.length, secs, ok / secs, pct(all, 50), pct(all, 99), st);
    }

    static double pct(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
    }

    /**
     * Makes {@code n} fresh applications bookable. The first {@code viaKafka} get a published documents.approved (the
     * real path, as document-service would: scheduling-service's consumer opens them); the rest are written straight
     * into bookable_application with the columns that consumer writes, because on a loaded 2-core machine the
     * consumer opens only tens per second and thousands are needed.
     */
    static List<String> openApplications(Connection db, String run, int n, int viaKafka) throws Exception {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(run + "-" + i);
        }
        int k = Math.min(n, viaKafka);
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            for (String id : ids.subList(0, k)) {
                producer.send(approved(id));
            }
            producer.flush();
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bookable_application (application_id, "
                + "company_bin, service_code, round, open, approved_at, updated_at) SELECT ? || '-' || g, ?, ?, 1, "
                + "true, now(), now() FROM generate_series(?, ?) g")) {
            insert.setString(1, run);
            insert.setString(2, ACME);
            insert.setString(3, SERVICE);
            insert.setInt(4, k);
            insert.setInt(5, n - 1);
            if (k < n) {
                insert.executeUpdate();
            }
        }
        log("published " + k + " documents.approved, inserted " + (n - k) + " bookable applications; waiting");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        long open = 0;
        while (System.nanoTime() < deadline) {
            open = count(db, "SELECT count(*) FROM bookable_application WHERE open AND application_id LIKE '"
                    + run + "-%'");
            if (open >= n) {
                break;
            }
            Thread.sleep(250);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        out("booking.opened_applications", open);
        out("booking.opened_via_kafka", k);
        out("booking.open_seconds", fmt(secs));
        if (open < n) {
            throw new IllegalStateException("only " + open + " of " + n + " applications became bookable in time");
        }
        return ids;
    }

    static ProducerRecord<String, String> approved(String id) {
        String now = OffsetDateTime.now().toString();
        String json = "{\"applicationId\":\"" + id + "\",\"companyBin\":\"" + ACME + "\",\"serviceCode\":\""
                + SERVICE + "\",\"round\":1,\"approvedAt\":\"" + now + "\"}";
        return cloudEvent("expat.document", "documents.approved", id, json);
    }

    static ProducerRecord<String, String> cloudEvent(String topic, String type, String key, String json) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, json);
        r.headers().add("ce_specversion", b("1.0"));
        r.headers().add("ce_id", b(UUID.randomUUID().toString()));
        r.headers().add("ce_type", b(type));
        r.headers().add("ce_source", b("urn:expat:bench"));
        r.headers().add("ce_subject", b(key));
        r.headers().add("ce_time", b(OffsetDateTime.now().toString()));
        r.headers().add("content-type", b("application/json"));
        return r;
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(p);
    }

    /** Deletes every appointment and bookable application of any bench run, giving the seats back. */
    static int cleanup(Connection db) throws SQLException {
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            int n = s.executeUpdate("WITH d AS (DELETE FROM appointment WHERE application_id LIKE 'bench-%' "
                    + "RETURNING starts_at, ends_at, status), n AS (SELECT g, count(*) AS c FROM d, "
                    + "generate_series(date_bin('15 minutes', d.starts_at, TIMESTAMPTZ '2000-01-01 00:00+00'), "
                    + "d.ends_at - INTERVAL '1 microsecond', INTERVAL '15 minutes') g WHERE d.status IN " + ACTIVE
                    + " GROUP BY g) UPDATE seat_bucket s SET booked = s.booked - n.c FROM n WHERE s.starts_at = n.g");
            s.executeUpdate("DELETE FROM bookable_application WHERE application_id LIKE 'bench-%'");
            db.commit();
            return n;
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(auto);
        }
    }

    static List<JsonNode> slots(LocalDate from, LocalDate to) throws Exception {
        HttpResponse<String> r = send("GET", SCHEDULING + "/api/v1/slots?serviceCode=" + SERVICE + "&from=" + from
                + "&to=" + to, null, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("slots: " + r.statusCode() + " " + r.body());
        }
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(r.body()).get("slots").forEach(list::add);
        return list;
    }

    static Map<LocalDate, Integer> counters(String admin, LocalDate from, LocalDate to) throws Exception {
        HttpResponse<String> r = send("GET", SCHEDULING + "/api/v1/admin/counters?from=" + from + "&to=" + to, admin,
                null);
        Map<LocalDate, Integer> m = new LinkedHashMap<>();
        if (r.statusCode() == 200) {
            JSON.readTree(r.body()).forEach(n -> m.put(LocalDate.parse(n.get("date").asText()),
                    n.get("counters").asInt()));
        }
        return m;
    }

    static void setCounters(String admin, LocalDate day, int counters) throws Exception {
        HttpResponse<String> r = send("PUT", SCHEDULING + "/api/v1/admin/counters/" + day, admin,
                "{\"counters\":" + counters + "}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("counters " + day + ": " + r.statusCode() + " " + r.body());
        }
    }

    // ------------------------------------------------------------------------------------------------ latency

    /** documents.approved published (send acknowledged by the broker excluded) → row open in scheduling's DB. */
    static void latency(int events) throws Exception {
        String run = "bench-lat-" + Long.toString(System.currentTimeMillis(), 36);
        long[] lat = new long[events];
        try (Connection db = db(); KafkaProducer<String, String> producer = producer();
             PreparedStatement q = db.prepareStatement(
                     "SELECT open FROM bookable_application WHERE application_id = ?")) {
            producer.send(approved(run + "-warm")).get();   // metadata and connection ready before timing
            for (int i = 0; i < events; i++) {
                String id = run + "-" + i;
                ProducerRecord<String, String> record = approved(id);
                long t0 = System.nanoTime();
                producer.send(record);
                long deadline = t0 + 30_000_000_000L;
                q.setString(1, id);
                while (true) {
                    try (ResultSet rs = q.executeQuery()) {
                        if (rs.next() && rs.getBoolean(1)) {
                            break;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("booking did not open within 30 s for " + id);
                    }
                    Thread.sleep(0, 500_000);
                }
                lat[i] = System.nanoTime() - t0;
                Thread.sleep(20);
            }
            Arrays.sort(lat);
            out("latency.events", events);
            out("latency.p50_ms", fmt(pct(lat, 50)));
            out("latency.p99_ms", fmt(pct(lat, 99)));
            out("latency.max_ms", fmt(lat[lat.length - 1] / 1e6));
            try (Statement s = db.createStatement()) {
                s.executeUpdate("DELETE FROM bookable_application WHERE application_id LIKE '" + run + "-%'");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ documents

    static void docprep(String service) throws Exception {
        UUID app = UUID.randomUUID();
        String now = OffsetDateTime.now(ZONE).toString();
        String json = ("{\"applicationId\":\"%s\",\"companyBin\":\"%s\",\"serviceCode\":\"%s\",\"catalogVersion\":null,"
                + "\"submittedAt\":\"%s\",\"person\":{\"personId\":\"%s\",\"firstName\":\"Bench\",\"lastName\":\"Mark\","
                + "\"passportNumber\":\"B%s\",\"citizenship\":\"RU\"},\"profile\":{\"legalForm\":\"COMPANY\","
                + "\"applicantType\":\"PRINCIPAL\",\"visaCategory\":\"C3\"},\"options\":[],"
                + "\"principalApplicationId\":null}").formatted(app, ACME, service, now, UUID.randomUUID(),
                UUID.randomUUID().toString().substring(0, 8));
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(cloudEvent("expat.application", "application.submitted", app.toString(), json)).get();
        }
        String token = token("hr.acme");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send("GET", DOCUMENT + "/api/v1/applications/" + app + "/checklist", token, null);
            if (r.statusCode() == 200) {
                JsonNode c = JSON.readTree(r.body());
                if (c.path("ready").asBoolean()) {
                    for (JsonNode req : c.path("requirements")) {
                        if (req.path("uploadRequired").asBoolean()) {
                            out("APP", app);
                            out("REQ", req.get("id").asText());
                            return;
                        }
                    }
                    throw new IllegalStateException("checklist of " + service + " has nothing to upload: " + r.body());
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("document-service built no checklist for " + app + " within 120 s");
    }

    static void docdone(String app) throws Exception {
        String json = "{\"applicationId\":\"" + app + "\",\"companyBin\":\"" + ACME + "\",\"at\":\""
                + OffsetDateTime.now() + "\"}";
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(cloudEvent("expat.application", "application.withdrawn", app, json)).get();
        }
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    static Connection db() throws SQLException {
        return DriverManager.getConnection(SCHED_DB, env("SCHEDULING_DB_USER", "scheduling"),
                env("SCHEDULING_DB_PASSWORD", "scheduling"));
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static HttpResponse<String> send(String method, String url, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + fresh(token));
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A token as Keycloak issued it. */
    record Issued(String user, String token, long atNanos) {
    }

    /** Every token issued (by its text) and the latest one of each user. */
    static final Map<String, Issued> ISSUED = new ConcurrentHashMap<>();
    static final Map<String, Issued> LATEST = new ConcurrentHashMap<>();

    /**
     * Tokens live 5 minutes (the realm's accessTokenLifespan) and a run is longer: a token older than 4 minutes is
     * replaced by a fresh one of the same user, so no phase measures 401s of an expired token.
     */
    static String fresh(String token) throws IOException {
        Issued issued = ISSUED.get(token);
        if (issued == null) {
            return token;
        }
        synchronized (LATEST) {
            if (System.nanoTime() - LATEST.get(issued.user()).atNanos() > 240_000_000_000L) {
                try {
                    token(issued.user());
                } catch (Exception e) {
                    throw new IOException("cannot renew the token of " + issued.user(), e);
                }
            }
            return LATEST.get(issued.user()).token();
        }
    }

    static String token(String user) throws Exception {
        String form = "grant_type=password&client_id=expat-cli&username=" + URLEncoder.encode(user,
                StandardCharsets.UTF_8) + "&password=demo1234";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user + ": " + r.body());
        }
        Issued issued = new Issued(user, JSON.readTree(r.body()).get("access_token").asText(), System.nanoTime());
        ISSUED.put(issued.token(), issued);
        LATEST.put(user, issued);
        return issued.token();
    }

    static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    static void out(String key, Object value) {
        OUT.println(key + "=" + value);
        OUT.flush();
    }

    static void log(String s) {
        System.err.println("[harness] " + s);
    }
}
