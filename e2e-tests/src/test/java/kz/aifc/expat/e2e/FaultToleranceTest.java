package kz.aifc.expat.e2e;

import io.restassured.response.Response;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static kz.aifc.expat.e2e.E2e.DOCUMENT;
import static kz.aifc.expat.e2e.E2e.as;
import static kz.aifc.expat.e2e.E2e.count;
import static kz.aifc.expat.e2e.E2e.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs LAST (see junit-platform.properties): kills and stops the shared infrastructure. Each fault: readiness goes
 * DOWN and comes back UP, clients get 503 problem+json (never a hang or a 500), and every event published before and
 * during the fault is applied exactly once afterwards (SQL on the consumers' databases). Every component is restored
 * in a finally block and the test waits until every service instance is ready again. Against the containers
 * ({@code deploy/containers/run.sh test} sets {@code EXPAT_RUNTIME=containers}) the consumer is killed with
 * {@code docker kill} and brought back with {@code docker start}; the infrastructure is the local stack either way.
 */
@Order(Integer.MAX_VALUE)
class FaultToleranceTest {

    private static final Path ROOT = findRoot();
    /** The services run as containers (deploy/containers/run.sh) rather than as ./expat's processes. */
    private static final boolean CONTAINERS = "containers".equals(System.getenv("EXPAT_RUNTIME"));
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> ALL_INSTANCES = List.of("http://127.0.0.1:8081", "http://127.0.0.1:8082",
            "http://127.0.0.1:8083", "http://127.0.0.1:8084", "http://127.0.0.1:8085", "http://127.0.0.1:8092",
            "http://127.0.0.1:8094");

    @AfterEach
    void everythingIsBack() {
        awaitAllReady(Duration.ofSeconds(240));
    }

    // ------------------------------------------------------------------------------------------------ Kafka

    @Test
    void kafkaKilledMidJourneyEventsBeforeAndDuringAreAppliedOnce() throws Exception {
        E2e.ensureCompanies();
        List<String> apps = new ArrayList<>();
        apps.add(E2e.submittedAcmeApplication()); // before the fault
        try {
            kill9(pidOf("kafka"), true);
            // readiness reports the broker (service-defaults' Kafka check) on a producing+consuming service
            awaitReadiness(E2e.APPLICATION.get(0), 503, Duration.ofSeconds(90));
            // clients keep working through the outbox: the submission is stored, its events wait in the outbox
            for (int i = 0; i < 2; i++) {
                String person = E2e.createPerson(Tokens.hrAcme(), "Duringkafka");
                Map<String, Object> body = E2e.workVisa(person);
                body.put("consent", E2e.consent());
                String app = E2e.createApplication(Tokens.hrAcme(), body);
                Response r = E2e.act(Tokens.hrAcme(), app, "submit", null);
                assertTrue(r.statusCode() == 200 || isProblem503(r), "200 or 503 problem+json, got "
                        + r.statusCode() + " " + r.asString());
                if (r.statusCode() == 200) {
                    apps.add(app);
                }
            }
            assertTrue(apps.size() >= 2, "submissions during the outage were accepted");
            assertTrue(count("application", "select count(*) from outbox_event where published_at is null") > 0,
                    "events are pending in the outbox while the broker is down");
        } finally {
            stack("up", "kafka");
        }
        awaitAllReady(Duration.ofSeconds(240));
        for (String app : apps) {
            assertAppliedOnce(app);
        }
    }

    // ------------------------------------------------------------------------------------------------ a consumer

    @Test
    void consumerKilledWithEventsPendingAppliesEachOnceAfterRestart() throws Exception {
        E2e.ensureCompanies();
        List<String> apps = new ArrayList<>();
        apps.add(E2e.submittedAcmeApplication());
        eventually().until(() -> count("fee", "select count(*) from invoice where application_id = ?", apps.get(0)) == 1);
        try {
            killService("fee-service");
            awaitDown("http://127.0.0.1:8085");
            for (int i = 0; i < 3; i++) {
                apps.add(E2e.submittedAcmeApplication()); // fee-service misses these while it is dead
            }
        } finally {
            startService("fee-service");
        }
        awaitAllReady(Duration.ofSeconds(240));
        for (String app : apps) {
            assertAppliedOnce(app);
        }
    }

    // ------------------------------------------------------------------------------------------------ S3

    @Test
    void s3StoppedDuringAnUploadIs503WithoutOrphanMetadata() throws Exception {
        E2e.ensureCompanies();
        String app = E2e.submittedAcmeApplication();
        eventually().untilAsserted(() -> as(Tokens.hrAcme(), DOCUMENT).get("/api/v1/applications/" + app
                + "/checklist").then().statusCode(200).body("requirements.size()", org.hamcrest.Matchers.greaterThan(0)));
        List<Map<String, Object>> reqs = as(Tokens.hrAcme(), DOCUMENT).get("/api/v1/applications/" + app
                + "/checklist").then().extract().jsonPath().getList("requirements");
        String requirement = reqs.stream().filter(r -> Boolean.TRUE.equals(r.get("uploadRequired")))
                .findFirst().orElseThrow().get("id").toString();
        long documentsBefore = count("document", "select count(*) from document where requirement_id = ?::uuid",
                requirement);
        try {
            // a 12 MB multipart body streamed in two halves; S3 stops between them
            String boundary = "----e2e" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\""
                    + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.US_ASCII);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
            int half = 6 * 1024 * 1024;
            PipedOutputStream out = new PipedOutputStream();
            PipedInputStream in = new PipedInputStream(out, 64 * 1024);
            HttpRequest request = HttpRequest.newBuilder(URI.create(DOCUMENT + "/api/v1/applications/" + app
                            + "/requirements/" + requirement + "/documents"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + Tokens.hrAcme())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> in), head.length + 2L * half + tail.length))
                    .build();
            CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(request,
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head);
                    writeFiller(out, half);
                    stack("down", "s3");
                    writeFiller(out, half);
                    out.write(tail);
                    out.close();
                } catch (IOException e) {
                    // the service may answer (503) and close the connection before the body ends
                }
            });
            HttpResponse<String> res = answer.get(150, TimeUnit.SECONDS);
            writer.get(150, TimeUnit.SECONDS);
            assertEquals(503, res.statusCode(), res.body());
            assertTrue(res.headers().firstValue("Content-Type").orElse("").contains("application/problem+json"));
            // no metadata for the failed upload (the object, if any, is left to the orphan sweeper)
            assertEquals(documentsBefore, count("document", "select count(*) from document where requirement_id = "
                    + "?::uuid", requirement));
            awaitReadiness(DOCUMENT, 503, Duration.ofSeconds(60));
            // a small upload while S3 is down: 503 problem+json too, promptly
            Response small = E2e.upload(Tokens.hrAcme(), app, requirement, "small.pdf", E2e.pdf("small"));
            assertTrue(isProblem503(small), small.statusCode() + " " + small.asString());
        } finally {
            stack("up", "s3");
        }
        awaitReadiness(DOCUMENT, 200, Duration.ofSeconds(120));
        E2e.upload(Tokens.hrAcme(), app, requirement, "after.pdf", E2e.pdf("after")).then().statusCode(201);
        assertEquals(documentsBefore + 1, count("document", "select count(*) from document where requirement_id = "
                + "?::uuid", requirement));
    }

    // ------------------------------------------------------------------------------------------------ PostgreSQL

    @Test
    void postgresStoppedForAMomentIs503AndEverythingIsAppliedOnce() throws Exception {
        E2e.ensureCompanies();
        String before = E2e.submittedAcmeApplication();
        try {
            run(List.of("pg_ctlcluster", "15", "main", "stop", "-m", "fast"), Duration.ofSeconds(60));
            awaitReadiness(E2e.APPLICATION.get(0), 503, Duration.ofSeconds(90));
            for (String url : E2e.APPLICATION) {
                Response r = as(Tokens.hrAcme(), url).get("/api/v1/applications");
                assertTrue(isProblem503(r), url + ": " + r.statusCode() + " " + r.asString());
            }
            Response doc = as(Tokens.hrAcme(), DOCUMENT).get("/api/v1/applications/" + before + "/checklist");
            assertTrue(isProblem503(doc), doc.statusCode() + " " + doc.asString());
            Response fee = as(Tokens.hrAcme(), E2e.FEE).get("/api/v1/invoices");
            assertTrue(isProblem503(fee), fee.statusCode() + " " + fee.asString());
        } finally {
            run(List.of("pg_ctlcluster", "15", "main", "start"), Duration.ofSeconds(90));
        }
        awaitAllReady(Duration.ofSeconds(240));
        String after = E2e.submittedAcmeApplication();
        assertAppliedOnce(before);
        assertAppliedOnce(after);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** application.submitted of {@code app} reached fee-service and document-service exactly once each. */
    private static void assertAppliedOnce(String app) {
        eventually().atMost(Duration.ofSeconds(120)).until(() ->
                count("fee", "select count(*) from invoice where application_id = ?", app) == 1
                        && count("document", "select count(*) from checklist where application_id = ?::uuid", app) == 1);
        List<Map<String, Object>> outbox = E2e.query("application", "select id::text as id from outbox_event where "
                + "event_key = ? and event_type = 'application.submitted'", app);
        assertEquals(1, outbox.size(), "one application.submitted in the outbox of " + app);
        String ceId = outbox.get(0).get("id").toString();
        eventually().until(() -> count("application", "select count(*) from outbox_event where event_key = ? and "
                + "published_at is null", app) == 0);
        assertEquals(1, count("fee", "select count(*) from inbox_event where consumer = 'fee-service' and event_id = ?",
                ceId));
        assertEquals(1, count("document", "select count(*) from inbox_event where consumer = 'document-service' and "
                + "event_id = ?", ceId));
        assertEquals(1, count("fee", "select count(*) from invoice where application_id = ?", app));
        assertEquals(1, count("document", "select count(*) from checklist where application_id = ?::uuid", app));
    }

    private static boolean isProblem503(Response r) {
        return r.statusCode() == 503 && r.contentType() != null && r.contentType().contains("application/problem+json");
    }

    private static void writeFiller(OutputStream out, int n) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int written = 0; written < n; written += chunk.length) {
            out.write(chunk, 0, Math.min(chunk.length, n - written));
        }
    }

    private static int readiness(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(Services.management(url) + "/q/health/ready")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitReadiness(String url, int status, Duration within) {
        eventually().atMost(within).alias(url + " readiness " + status).until(() -> readiness(url) == status);
    }

    private static void awaitDown(String url) {
        eventually().atMost(Duration.ofSeconds(30)).until(() -> readiness(url) == -1);
    }

    private static void awaitAllReady(Duration within) {
        for (String url : ALL_INSTANCES) {
            awaitReadiness(url, 200, within);
        }
    }

    private static long pidOf(String component) throws IOException {
        return Long.parseLong(Files.readString(ROOT.resolve(".stack/pids/" + component + ".pid")).trim());
    }

    /** SIGKILL to the service's JVM: {@code docker kill} of its container, or kill -9 of ./expat's process. */
    private static void killService(String name) throws Exception {
        if (CONTAINERS) {
            run(List.of(ROOT.resolve("deploy/containers/run.sh").toString(), "kill", name), Duration.ofSeconds(60));
        } else {
            kill9(pidOf(name), false);
        }
    }

    private static void startService(String name) throws Exception {
        if (CONTAINERS) {
            run(List.of(ROOT.resolve("deploy/containers/run.sh").toString(), "start", name), Duration.ofSeconds(300));
        } else {
            expat("start", name);
        }
    }

    /** kill -9 (the whole process group for stack components, which stack.sh starts with setsid). */
    private static void kill9(long pid, boolean group) throws Exception {
        run(List.of("kill", "-9", "--", group ? "-" + pid : Long.toString(pid)), Duration.ofSeconds(10));
        eventually().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive())
                .orElse(true));
    }

    private static void stack(String command, String component) {
        try {
            run(List.of(ROOT.resolve("deploy/local/stack.sh").toString(), command, component), Duration.ofSeconds(240));
        } catch (Exception e) {
            throw new IllegalStateException("deploy/local/stack.sh " + command + " " + component, e);
        }
    }

    private static void expat(String command, String service) throws Exception {
        run(List.of(ROOT.resolve("expat").toString(), command, service), Duration.ofSeconds(240));
    }

    private static void run(List<String> command, Duration timeout) throws Exception {
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(ROOT.resolve(".stack/logs/e2e-faults.log").toFile()))
                .start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in " + timeout);
        }
        assertEquals(0, p.exitValue(), command + " failed (see .stack/logs/e2e-faults.log)");
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("expat"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "repository root (with ./expat) above " + Path.of("").toAbsolutePath());
        return dir;
    }
}
