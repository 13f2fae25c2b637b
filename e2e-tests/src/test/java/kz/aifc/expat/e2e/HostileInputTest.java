package kz.aifc.expat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives every endpoint of every service from its own OpenAPI document with malformed and boundary input, anonymous
 * and authenticated: no 5xx, no stack traces, every error problem+json. A generator in the test code (no fuzzing
 * tool installs here), bounded by a request count and a time budget per service, seeded so a failure repeats.
 */
class HostileInputTest {

    private static final int MAX_REQUESTS_PER_SERVICE = 2500;
    private static final Duration BUDGET_PER_SERVICE = Duration.ofSeconds(150);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<String> HOSTILE_SEGMENTS = List.of(
            "..%2F..%2Fetc%2Fpasswd", "%00", "-1", "0", "99999999999999999999999", "00000000-0000-0000-0000-000000000000",
            "not-a-uuid", "%27%20OR%201%3D1--", "x".repeat(3000), "%E2%80%AE", "2026-02-30", "NaN");
    private static final List<String> HOSTILE_QUERY_VALUES = List.of(
            "", "-1", "-99999999999", "99999999999999999999999", "abc", "2026-13-45", "2026-02-30", "NOPE",
            "../../etc/passwd", "x".repeat(5000), "true", "1e309", "\u0000", "[]", "{}");

    record Failure(String request, int status, String contentType, String body) {
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void everyEndpointSurvivesHostileInput(Services service) throws Exception {
        JsonNode api = JSON.readTree(send(HttpRequest.newBuilder(URI.create(service.url() + "/q/openapi?format=json"))
                .header("Accept", "application/json").GET().build()).body());
        Random random = new Random(20261125L + service.ordinal());
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.add(Tokens.hrAcme());
        tokens.add(Tokens.officer());
        tokens.add(Tokens.admin());
        long deadline = System.nanoTime() + BUDGET_PER_SERVICE.toNanos();
        int sent = 0;
        List<Failure> failures = new ArrayList<>();

        outer:
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                for (HttpRequest request : hostileRequests(service, path.getKey(), method, op.getValue(), api,
                        tokens, random)) {
                    if (sent++ >= MAX_REQUESTS_PER_SERVICE || System.nanoTime() > deadline) {
                        break outer;
                    }
                    HttpResponse<String> response = send(request);
                    check(request, response, failures);
                }
            }
        }
        assertTrue(sent > 20, service + ": the OpenAPI document yielded too few requests (" + sent + ")");
        assertTrue(failures.isEmpty(), service + ": " + failures.size() + " of " + sent
                + " hostile requests were answered badly, first ones: " + failures.subList(0,
                Math.min(8, failures.size())));
    }

    private static void check(HttpRequest request, HttpResponse<String> response, List<Failure> failures) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body() == null ? "" : response.body();
        boolean bad = status >= 500
                || (status >= 400 && status != 304 && !type.startsWith("application/problem+json"))
                || body.contains("\tat ") || body.contains("Exception:") || body.contains("at java.");
        if (bad) {
            failures.add(new Failure(request.method() + " " + abbreviate(request.uri().toString()) + " auth="
                    + request.headers().firstValue("Authorization").isPresent(), status, type, abbreviate(body)));
        }
    }

    private List<HttpRequest> hostileRequests(Services service, String template, String method, JsonNode op,
                                              JsonNode api, List<String> tokens, Random random) {
        List<HttpRequest> requests = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (template.contains("{")) {
            for (String segment : HOSTILE_SEGMENTS) {
                paths.add(template.replaceAll("\\{[^}]+}", segment));
            }
        } else {
            paths.add(template);
        }
        JsonNode schema = requestSchema(op, api);
        List<String> queryNames = new ArrayList<>();
        op.path("parameters").forEach(p -> {
            if ("query".equals(p.path("in").asText())) {
                queryNames.add(p.path("name").asText());
            }
        });
        for (String token : tokens) {
            for (String path : paths) {
                requests.add(request(service, path, method, token, "application/json",
                        bodyFor(method, schema == null ? NODES.objectNode() : sample(schema, api, 0))));
            }
            for (String name : queryNames) {
                for (String value : HOSTILE_QUERY_VALUES) {
                    String path = paths.get(random.nextInt(paths.size()));
                    requests.add(request(service, path + "?" + name + "="
                            + URLEncoder.encode(value, StandardCharsets.UTF_8), method, token, null, null));
                }
            }
            if (!method.equals("GET") && !method.equals("DELETE")) {
                String path = paths.get(0);
                for (byte[] body : hostileBodies(schema, api, random)) {
                    requests.add(request(service, path, method, token, "application/json", body));
                }
                requests.add(request(service, path, method, token, "text/plain", "hello".getBytes()));
                requests.add(request(service, path, method, token, "application/xml", "<a/>".getBytes()));
                requests.add(request(service, path, method, token, "multipart/form-data; boundary=zz",
                        "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../evil.pdf\"\r\n\r\nx\r\n--zz--\r\n"
                                .getBytes()));
            }
        }
        return requests;
    }

    private static byte[] bodyFor(String method, JsonNode node) {
        return method.equals("GET") || method.equals("DELETE") ? null : node.toString().getBytes();
    }

    private List<byte[]> hostileBodies(JsonNode schema, JsonNode api, Random random) {
        List<byte[]> bodies = new ArrayList<>();
        for (String raw : List.of("", "{", "null", "[]", "\"text\"", "12", "{\"a\":", "[" + "1,".repeat(20000) + "1]")) {
            bodies.add(raw.getBytes());
        }
        bodies.add(new byte[]{'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
        if (schema == null) {
            return bodies;
        }
        JsonNode resolved = resolve(schema, api);
        JsonNode properties = resolved.path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            for (JsonNode hostile : hostileValues(random)) {
                JsonNode base = sample(resolved, api, 0);
                if (base instanceof ObjectNode object) {
                    object.set(name, hostile);
                    bodies.add(object.toString().getBytes());
                }
            }
            JsonNode missing = sample(resolved, api, 0);
            if (missing instanceof ObjectNode object) {
                object.remove(name);
                bodies.add(object.toString().getBytes());
            }
        }
        JsonNode withExtras = sample(resolved, api, 0);
        if (withExtras instanceof ObjectNode object) {
            object.put("status", "COMPLETED").put("companyBin", "190540001230").put("id", "x")
                    .put("ownerId", "x").put("fee", 0).put("version", 999);
            bodies.add(object.toString().getBytes());
        }
        return bodies;
    }

    private static List<JsonNode> hostileValues(Random random) {
        ArrayNode hugeArray = NODES.arrayNode();
        for (int i = 0; i < 10_000; i++) {
            hugeArray.add(random.nextInt());
        }
        return List.of(NODES.textNode("x".repeat(100_000)), NODES.numberNode(-1), NODES.numberNode(Long.MIN_VALUE),
                NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.textNode("2026-02-30"),
                NODES.textNode("NOT_AN_ENUM_VALUE"), NODES.booleanNode(true), NODES.nullNode(), hugeArray,
                NODES.objectNode().put("nested", "object"), NODES.textNode("../../etc/passwd"),
                NODES.textNode("<script>alert(1)</script>"));
    }

    /** A plausible value for a schema, so the hostile part is the only thing wrong in the body. */
    private JsonNode sample(JsonNode schema, JsonNode api, int depth) {
        JsonNode s = resolve(schema, api);
        if (depth > 5) {
            return NODES.nullNode();
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText("object");
        String format = s.path("format").asText("");
        switch (type) {
            case "string":
                return switch (format) {
                    case "date" -> NODES.textNode("2026-12-15");
                    case "date-time" -> NODES.textNode("2026-12-15T10:00:00+05:00");
                    case "uuid" -> NODES.textNode("3fa85f64-5717-4562-b3fc-2c963f66afa6");
                    default -> NODES.textNode("sample");
                };
            case "integer":
            case "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(false);
            case "array":
                ArrayNode array = NODES.arrayNode();
                array.add(sample(s.path("items"), api, depth + 1));
                return array;
            default:
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    object.set(property.getKey(), sample(property.getValue(), api, depth + 1));
                }
                return object;
        }
    }

    private static JsonNode requestSchema(JsonNode op, JsonNode api) {
        JsonNode content = op.path("requestBody").path("content");
        JsonNode json = content.path("application/json").path("schema");
        return json.isMissingNode() ? null : resolve(json, api);
    }

    private static JsonNode resolve(JsonNode schema, JsonNode api) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = api.at(ref.substring(1));
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(current.get("allOf").get(0), api);
        }
        return current;
    }

    private static HttpRequest request(Services service, String path, String method, String token,
                                       String contentType, byte[] body) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(service.url() + path));
        } catch (IllegalArgumentException e) {
            builder = HttpRequest.newBuilder(URI.create(service.url() + path.replace(" ", "%20")));
        }
        builder.timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return builder.build();
    }

    /**
     * Security finding #14.4: bearer credentials that are not JWTs (`.`, `..`, `...`, garbage) answered 500 with an
     * ERROR stack trace on every service. Each must be 401 problem+json, on an authenticated and on an anonymous route.
     */
    @ParameterizedTest
    @EnumSource(Services.class)
    void malformedBearerTokensAre401(Services service) throws Exception {
        for (String token : List.of(".", "..", "...", "a..", ".b.", "not a token", "x.y.z.w", "%00", "Bearer")) {
            for (String path : List.of("/api/v1/me", "/api/v1/does-not-exist")) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(service.url() + path))
                        .header("Authorization", "Bearer " + token).GET().build());
                String where = service + " " + path + " with 'Bearer " + token + "'";
                org.junit.jupiter.api.Assertions.assertEquals(401, r.statusCode(), where + ": " + r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                        where);
            }
        }
    }

    /** #14.4: a page number far beyond any data (page × size overflowed into a negative offset: 500) is a 400. */
    @org.junit.jupiter.api.Test
    void hugePageNumbersAre400() throws Exception {
        Map<String, String> lists = Map.of(
                Services.APPLICATION.url() + "/api/v1/applications", Tokens.hrAcme(),
                Services.APPLICATION.url() + "/api/v1/officer/queue", Tokens.officer(),
                Services.FEE.url() + "/api/v1/invoices", Tokens.hrAcme(),
                Services.NOTIFICATION.url() + "/api/v1/notifications", Tokens.officer());
        for (Map.Entry<String, String> list : lists.entrySet()) {
            for (String page : List.of("2147483647", "100001", "-1")) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(list.getKey() + "?page=" + page))
                        .header("Authorization", "Bearer " + list.getValue()).GET().build());
                org.junit.jupiter.api.Assertions.assertEquals(400, r.statusCode(),
                        list.getKey() + "?page=" + page + ": " + r.body());
            }
        }
    }

    /**
     * #14.4: dates far outside any calendar the services know (year +999999999, 9999, 0001) are a 400; an
     * Accept-Language header naming no language is no preference. (That such a 400 from the catalog never opens
     * scheduling-service's breaker is scheduling-service's InputBoundsTest, #14.5.)
     */
    @org.junit.jupiter.api.Test
    void outOfRangeDatesAndBrokenLanguagesAre400() throws Exception {
        String far = "%2B999999999-01-01";
        Map<String, String> routes = new java.util.LinkedHashMap<>();
        routes.put(Services.SCHEDULING.url() + "/api/v1/slots?serviceCode=iin&from=" + far + "&to=" + far, null);
        routes.put(Services.SCHEDULING.url() + "/api/v1/slots?serviceCode=iin&from=9999-01-01&to=9999-01-02", null);
        routes.put(Services.CATALOG.url() + "/api/v1/calendar/add-working-days?date=" + far + "&days=1", null);
        routes.put(Services.CATALOG.url() + "/api/v1/calendar/working-days-between?from=0001-01-01&to=9999-12-31",
                null);
        routes.put(Services.CATALOG.url() + "/api/v1/calendar/add-working-days?date=2026-01-01&days=2147483647",
                null);
        routes.put(Services.FEE.url() + "/api/v1/quotes?serviceCode=iin&asOf=" + far, null);
        routes.put(Services.FEE.url() + "/api/v1/quotes?serviceCode=iin&startDate=9999-12-31", null);
        routes.put(Services.APPLICATION.url() + "/api/v1/radar/visa-expiry?withinDays=2147483647", Tokens.hrAcme());
        for (Map.Entry<String, String> route : routes.entrySet()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(route.getKey())).GET();
            if (route.getValue() != null) {
                b.header("Authorization", "Bearer " + route.getValue());
            }
            HttpResponse<String> r = send(b.build());
            org.junit.jupiter.api.Assertions.assertEquals(400, r.statusCode(), route.getKey() + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    route.getKey());
        }
        // a header that names no language is no preference: the catalog answers in its default language
        for (String language : List.of(";", ";;q=x", ",", "*;q=2")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(Services.CATALOG.url()
                    + "/api/v1/services")).header("Accept-Language", language).GET().build());
            org.junit.jupiter.api.Assertions.assertEquals(200, r.statusCode(), "Accept-Language '" + language
                    + "': " + r.body());
        }
    }

    /** #14.11: trailing garbage after the JSON value and duplicate keys are refused, never silently read. */
    @org.junit.jupiter.api.Test
    void ambiguousJsonIsRefused() throws Exception {
        String person = "{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"dateOfBirth\":\"1990-01-01\","
                + "\"citizenship\":\"GBR\",\"passportNumber\":\"Z1234567\",\"passportExpiresOn\":\"2035-01-01\"}";
        for (String body : List.of(person + " {\"x\":1}", person + "]",
                person.replace("\"lastName\":\"Lee\"", "\"lastName\":\"Lee\",\"lastName\":\"Other\""))) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(Services.APPLICATION.url()
                            + "/api/v1/persons")).header("Authorization", "Bearer " + Tokens.hrAcme())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            org.junit.jupiter.api.Assertions.assertEquals(400, r.statusCode(), body + " → " + r.body());
        }
    }

    /** #14.10: answers with personal data are never cached and never sniffed. */
    @org.junit.jupiter.api.Test
    void personalDataIsNotCachedOrSniffed() throws Exception {
        for (String url : List.of(Services.APPLICATION.url() + "/api/v1/persons",
                Services.APPLICATION.url() + "/api/v1/applications", Services.FEE.url() + "/api/v1/invoices")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + Tokens.hrAcme()).GET().build());
            org.junit.jupiter.api.Assertions.assertEquals(200, r.statusCode(), url);
            assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("no-store"), url);
            org.junit.jupiter.api.Assertions.assertEquals("nosniff",
                    r.headers().firstValue("X-Content-Type-Options").orElse(""), url);
        }
    }

    /**
     * Bounded even if the client's own request timeout does not fire (a JDK 17 HttpClient once waited 20 minutes on
     * one of these requests): the test then fails naming the request instead of holding the whole suite.
     */
    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        Duration limit = request.timeout().orElse(Duration.ofSeconds(30)).plusSeconds(15);
        try {
            return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .get(limit.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer within " + limit + " to " + request.method() + " " + request.uri(), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
