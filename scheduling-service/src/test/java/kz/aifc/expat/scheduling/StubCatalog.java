package kz.aifc.expat.scheduling;

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
import java.util.StringJoiner;

/**
 * catalog-service's calendar API as docs/CONTRACTS.md defines it, with a known holiday (the test week's Wednesday),
 * so slot generation is tested against a calendar the test controls rather than the real one of whatever date the
 * tests run on.
 */
public class StubCatalog implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/calendar/office", exchange -> respond(exchange, "{\"timeZone\":\"Asia/Almaty\","
                + "\"opens\":\"09:00\",\"closes\":\"18:00\",\"lunchStart\":\"13:00\",\"lunchEnd\":\"14:00\","
                + "\"address\":\"" + TestCalendar.ADDRESS + "\",\"email\":\"expat@aifc.kz\","
                + "\"phones\":[\"+7 (7172) 64 73 33\"]}"));
        server.createContext("/api/v1/calendar/days", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI());
            LocalDate from = LocalDate.parse(query.get("from"));
            LocalDate to = LocalDate.parse(query.get("to"));
            StringJoiner days = new StringJoiner(",", "[", "]");
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                boolean holiday = d.equals(TestCalendar.holiday());
                days.add("{\"date\":\"" + d + "\",\"working\":" + !(weekend || holiday) + ",\"reason\":"
                        + (holiday ? "\"HOLIDAY\"" : weekend ? "\"WEEKEND\"" : "null") + "}");
            }
            respond(exchange, days.toString());
        });
        server.start();
        return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return params;
    }
}
