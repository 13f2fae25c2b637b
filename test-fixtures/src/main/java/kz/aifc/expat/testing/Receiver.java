package kz.aifc.expat.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP receiver on 127.0.0.1 (JDK HttpServer) standing in for a partner HR system: records every request and
 * answers as told — 2xx, an error status, a hang until released, or a dropped connection.
 */
public final class Receiver implements AutoCloseable {

    public enum Mode { OK, SLOW, ERROR_500, HANG, CLOSE }

    /** {@code path} is the request's path: several endpoints can share one receiver (one partner host). */
    public record Request(String id, String timestamp, String signature, String contentType, String body,
                         Mode answeredWith, String path) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);
    private final Map<String, Mode> pathModes = new ConcurrentHashMap<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/expat?source=test";
    }

    public Receiver mode(Mode m) {
        mode.set(m);
        return this;
    }

    /**
     * Another endpoint URL on this same host and port, {@code /hooks/<name>}, answering as {@code m} whatever the
     * receiver's own mode: many companies' endpoints at one partner host, some of them broken.
     */
    public String url(String name, Mode m) {
        pathModes.put("/hooks/" + name, m);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
    }

    /** Requests to {@code /hooks/<name>}. */
    public List<Request> requests(String name) {
        return requests.stream().filter(r -> r.path().equals("/hooks/" + name)).toList();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests answered 2xx, in arrival order. */
    public List<Request> accepted() {
        return requests.stream().filter(r -> r.answeredWith() == Mode.OK || r.answeredWith() == Mode.SLOW).toList();
    }

    public int inProgress() {
        return inProgress.get();
    }

    /** Lets hanging requests finish (they answer 200, by then usually too late for the sender). */
    public void release() {
        release.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        inProgress.incrementAndGet();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            Mode m = pathModes.getOrDefault(path, mode.get());
            var h = exchange.getRequestHeaders();
            requests.add(new Request(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"), h.getFirst("content-type"),
                    new String(body, StandardCharsets.UTF_8), m, path));
            switch (m) {
                case OK -> answer(exchange, 204, "");
                case SLOW -> {
                    try {
                        Thread.sleep(300); // a receiver that takes its time: deliveries are in flight for a while
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer(exchange, 204, "");
                }
                case ERROR_500 -> answer(exchange, 500, "{\"error\":\"receiver broke: database locked\"}");
                case HANG -> {
                    try {
                        release.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer(exchange, 200, "late");
                }
                case CLOSE -> {
                    // no response at all: the connection is dropped
                }
            }
        } catch (IOException ignored) {
            // the sender gave up (timeout) while we were hanging
        } finally {
            inProgress.decrementAndGet();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    /**
     * Whether the request carries a Standard Webhooks signature made with {@code secret} ({@code whsec_<base64 key>}):
     * one of the space-separated {@code v1,<base64 HMAC-SHA256(key, "id.timestamp.body")>} of its header.
     */
    public static boolean signedWith(String secret, Request r) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(
                    secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + java.util.Base64.getEncoder().encodeToString(mac.doFinal(
                    (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
            return r.signature() != null && List.of(r.signature().split(" ")).contains(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> headers(Request r) {
        return Map.of("webhook-id", r.id(), "webhook-timestamp", r.timestamp(), "webhook-signature", r.signature());
    }
}
