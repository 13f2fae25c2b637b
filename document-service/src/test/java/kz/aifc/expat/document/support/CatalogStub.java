package kz.aifc.expat.document.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for catalog-service's checklist endpoint (docs/CONTRACTS.md), so the tests do not depend on another
 * module running. The answer's catalogVersion echoes asOf and visaCategory, letting tests see what was asked.
 * Service codes starting with "flaky-" fail their first 3 calls; "originals-only" needs no upload at all.
 */
public class CatalogStub implements QuarkusTestResourceLifecycleManager {

    public static final String PASSPORT = "PASSPORT_COPY";
    public static final String PHOTO = "PHOTO";
    public static final String CV = "CV";
    public static final String PAYMENT = "STATE_DUTY_PAYMENT_ORIGINAL";

    private HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/services/", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        // /api/v1/services/{code}/checklist
        if (parts.length != 6 || !"checklist".equals(parts[5])) {
            respond(exchange, 404, "{}");
            return;
        }
        String code = parts[4];
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int call = calls.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
        if (code.startsWith("flaky-") && call <= 3) {
            respond(exchange, 503, "{\"status\":503}");
            return;
        }
        String version = "stub:" + query.get("asOf") + ":" + query.get("visaCategory");
        String items;
        if (code.equals("originals-only")) {
            items = item(PAYMENT, "Original payment document", true, "ORIGINAL_AT_VISIT");
        } else {
            items = String.join(",",
                    item(PASSPORT, "Copy of the passport", true, "UPLOAD"),
                    item(PHOTO, "Photo 3.5x4.5", true, "UPLOAD_AND_ORIGINAL"),
                    item(CV, "Curriculum vitae", false, "UPLOAD"),
                    item(PAYMENT, "Original payment document", true, "ORIGINAL_AT_VISIT"));
        }
        respond(exchange, 200, "{\"serviceCode\":\"" + code + "\",\"catalogVersion\":\"" + version
                + "\",\"items\":[" + items + "]}");
    }

    private static String item(String code, String title, boolean mandatory, String delivery) {
        return "{\"documentCode\":\"" + code + "\",\"title\":\"" + title + "\",\"mandatory\":" + mandatory
                + ",\"delivery\":\"" + delivery + "\",\"notarised\":false,\"legalised\":false}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            result.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return result;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
