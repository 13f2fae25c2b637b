package kz.aifc.expat.application;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for catalog-service speaking its docs/CONTRACTS.md read API, so the rules can be tested against known
 * processing times and a known calendar whatever state the real catalog is in. System property
 * {@code catalog.stub.down=true} makes it answer 503 (outage tests).
 */
public class CatalogStub implements QuarkusTestResourceLifecycleManager {

    /** Kazakhstan 2026 days off used by the stub (a subset of the real list is enough for the tests). */
    public static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02"),
            LocalDate.parse("2026-01-07"), LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-23"),
            LocalDate.parse("2026-03-24"), LocalDate.parse("2026-03-25"), LocalDate.parse("2026-05-01"),
            LocalDate.parse("2026-05-07"), LocalDate.parse("2026-05-11"), LocalDate.parse("2026-05-27"),
            LocalDate.parse("2026-07-06"), LocalDate.parse("2026-08-31"), LocalDate.parse("2026-10-26"),
            LocalDate.parse("2026-12-16"), LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-07"),
            LocalDate.parse("2027-03-08"), LocalDate.parse("2027-03-22"), LocalDate.parse("2027-03-23"));

    public static final Map<String, String> GROUPS = kz.aifc.expat.application.service.ServiceKinds.GROUP;

    private HttpServer server;

    public static boolean isWorking(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                && !HOLIDAYS.contains(d);
    }

    public static LocalDate addWorkingDays(LocalDate d, int n) {
        LocalDate x = d;
        while (n > 0) {
            x = x.plusDays(1);
            if (isWorking(x)) {
                n--;
            }
        }
        return x;
    }

    public static LocalDate minusWorkingDays(LocalDate d, int n) {
        LocalDate x = d;
        while (n > 0) {
            x = x.minusDays(1);
            if (isWorking(x)) {
                n--;
            }
        }
        return x;
    }

    public static int processingDays(String code) {
        return switch (code) {
            case "trp-employment", "trp-business-immigrant-primary", "trp-business-immigrant-extension",
                 "iin", "digital-signature", "visa-cancellation-departed" -> 1;
            case "permanent-residence" -> 45;
            case "tax-residency-certificate" -> 5;
            case "arrival-notification", "fingerprint-registration" -> 0;
            default -> 5;
        };
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (Boolean.getBoolean("catalog.stub.down")) {
                send(ex, 503, "{\"status\":503}");
                return;
            }
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            Map<String, String> q = query(uri.getRawQuery());
            if (path.equals("/api/v1/calendar/days")) {
                LocalDate from = LocalDate.parse(q.get("from"));
                LocalDate to = LocalDate.parse(q.get("to"));
                StringBuilder sb = new StringBuilder("[");
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    if (sb.length() > 1) {
                        sb.append(',');
                    }
                    sb.append("{\"date\":\"").append(d).append("\",\"working\":").append(isWorking(d))
                            .append(",\"reason\":null}");
                }
                send(ex, 200, sb.append(']').toString());
                return;
            }
            String[] parts = path.split("/");
            // /api/v1/services/{code}[/fees]
            if (parts.length >= 5 && parts[3].equals("services")) {
                String code = parts[4];
                if (!GROUPS.containsKey(code)) {
                    send(ex, 404, "{\"status\":404}");
                    return;
                }
                if (parts.length == 6 && parts[5].equals("fees")) {
                    int days = processingDays(code);
                    String time = days == 0 ? "{\"kind\":\"MINUTES\",\"min\":30,\"max\":30}"
                            : code.equals("tax-residency-certificate")
                            ? "{\"kind\":\"WORKING_DAYS_RANGE\",\"min\":3,\"max\":5}"
                            : "{\"kind\":\"WORKING_DAYS\",\"min\":" + days + ",\"max\":" + days + "}";
                    send(ex, 200, "{\"serviceCode\":\"" + code + "\",\"catalogVersion\":\"2026-01-01\","
                            + "\"mrp\":{\"year\":2026,\"amount\":4325.00},\"serviceFees\":[{\"variant\":null,"
                            + "\"amount\":730000.00}],\"stateDutyMrp\":30,\"stateDutyAmount\":129750.00,"
                            + "\"processingTime\":" + time + "}");
                    return;
                }
                if (parts.length == 5) {
                    send(ex, 200, "{\"code\":\"" + code + "\",\"group\":\"" + GROUPS.get(code)
                            + "\",\"catalogVersion\":\"2026-01-01\"}");
                    return;
                }
            }
            send(ex, 404, "{\"status\":404}");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
