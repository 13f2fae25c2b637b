package kz.aifc.expat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI documents tell the truth about the running services (#17): every read operation the demo data lets us
 * call (no required query parameter; a path parameter taken from the list operation beside it) is called with the
 * weakest credential that may, and its body is checked against the documented schema — every {@code required}
 * member present, at every depth, and of the documented JSON type — and the status it answered is one the
 * operation documents (so a generated client has a branch for it). What generated clients rely on is thereby
 * checked against real responses, not against the code that wrote the document.
 */
class ContractConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Who calls: anonymous where the operation is public, else the first of these that is allowed. */
    private static final List<Supplier<String>> CALLERS = List.of(Tokens::hrAcme, Tokens::officer, Tokens::admin);
    /** Members of list items that name them in the item's own route ({id}, {code}, ...). */
    private static final List<String> ID_MEMBERS = List.of("id", "code", "bin", "version", "year", "serviceCode");

    /** Path parameters that name another service's resources: a submitted application of the demo company. */
    private static final Map<String, String> KNOWN = new LinkedHashMap<>();

    @BeforeAll
    static void aSubmittedApplicationOfTheDemoCompany() {
        E2e.ensureCompanies();
        KNOWN.put("applicationId", E2e.submittedAcmeApplication());
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void everyReadableOperationAnswersWhatItsDocumentSays(Services service) throws Exception {
        JsonNode api = JSON.readTree(get(service.url() + "/q/openapi?format=json", null).body());
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> lists = new LinkedHashMap<>(); // path -> a 200 body, for the item routes below it
        int checked = 0;
        // paths without parameters first: their bodies give the ids of the item routes
        for (boolean withPathParameter : new boolean[] {false, true}) {
            for (Iterator<Map.Entry<String, JsonNode>> it = api.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                JsonNode op = path.getValue().path("get");
                if (op.isMissingNode() || path.getKey().contains("{") != withPathParameter || hasRequiredQuery(op)) {
                    continue;
                }
                String url = withPathParameter ? itemUrl(path.getKey(), lists) : path.getKey();
                if (url == null) {
                    continue; // no list beside it, or an empty one: nothing to name an item by
                }
                HttpResponse<String> response = call(service, op, url);
                String where = "GET " + url + " (" + op.path("operationId").asText() + ")";
                if (!op.path("responses").has(String.valueOf(response.statusCode()))) {
                    problems.add(where + " answered " + response.statusCode() + ", which it does not document");
                    continue;
                }
                if (response.statusCode() != 200) {
                    continue;
                }
                String type = response.headers().firstValue("Content-Type").orElse("");
                JsonNode media = op.path("responses").path("200").path("content").path("application/json");
                if (!type.startsWith("application/json") || media.isMissingNode()) {
                    continue;
                }
                JsonNode body = JSON.readTree(response.body());
                conforms(body, media.path("schema"), api, where + " $", problems);
                lists.put(path.getKey(), body);
                checked++;
            }
        }
        System.out.printf("[contract] %s: %d bodies checked against the document%n", service, checked);
        assertTrue(checked >= 2, service + ": too few operations could be called, the walk is broken: " + checked);
        assertTrue(problems.isEmpty(), service + ": " + problems.size() + " differences between the document and "
                + "the answers (of " + checked + " bodies checked):\n" + String.join("\n", problems));
    }

    /** Checks {@code node} against {@code schema}: required members present, JSON types as documented. */
    static void conforms(JsonNode node, JsonNode schema, JsonNode api, String at, List<String> problems) {
        schema = resolve(schema, api);
        if (node == null || node.isNull() || schema == null || schema.isEmpty()) {
            return; // null members are present (Jackson writes them); an empty schema says nothing to check
        }
        List<String> types = new ArrayList<>();
        schema.path("type").forEach(t -> types.add(t.asText()));
        if (schema.path("type").isTextual()) {
            types.add(schema.path("type").asText());
        }
        if (types.isEmpty() && schema.has("properties")) {
            types.add("object");
        }
        if (types.isEmpty()) {
            return;
        }
        boolean matches = types.stream().anyMatch(t -> switch (t) {
            case "object" -> node.isObject();
            case "array" -> node.isArray();
            case "string" -> node.isTextual();
            case "integer" -> node.isIntegralNumber();
            case "number" -> node.isNumber();
            case "boolean" -> node.isBoolean();
            default -> true;
        });
        if (!matches) {
            problems.add(at + ": documented " + types + ", answered " + node.getNodeType());
            return;
        }
        if (node.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!node.has(required.asText())) {
                    problems.add(at + "." + required.asText() + ": required, absent");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                conforms(node.get(member.getKey()), member.getValue(), api, at + "." + member.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < Math.min(node.size(), 20); i++) {
                conforms(node.get(i), schema.path("items"), api, at + "[" + i + "]", problems);
            }
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode api) {
        while (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            schema = api.path("components").path("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    private static boolean hasRequiredQuery(JsonNode op) {
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asText()) && p.path("required").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    /** "/a/{id}/b" → "/a/<id of the first item of GET /a>/b" (or a {@link #KNOWN} id), or null. */
    private static String itemUrl(String path, Map<String, JsonNode> lists) {
        String known = path;
        for (Map.Entry<String, String> id : KNOWN.entrySet()) {
            known = known.replace("{" + id.getKey() + "}", id.getValue());
        }
        if (!known.contains("{")) {
            return known;
        }
        int open = path.indexOf('{');
        if (path.indexOf('{', open + 1) >= 0) {
            return null; // one path parameter at most
        }
        String list = path.substring(0, open - 1);
        JsonNode body = lists.get(list);
        if (body == null) {
            return null;
        }
        JsonNode items = body.isArray() ? body : body.path("items");
        if (!items.isArray() || items.isEmpty()) {
            return null;
        }
        for (String member : ID_MEMBERS) {
            if (items.get(0).hasNonNull(member)) {
                String id = URLEncoder.encode(items.get(0).get(member).asText(), StandardCharsets.UTF_8);
                return path.substring(0, open) + id + path.substring(path.indexOf('}', open) + 1);
            }
        }
        return null;
    }

    private static HttpResponse<String> call(Services service, JsonNode op, String url)
            throws IOException, InterruptedException {
        if (op.path("security").isArray() && op.path("security").isEmpty()) {
            return get(service.url() + url, null);
        }
        HttpResponse<String> response = null;
        for (Supplier<String> caller : CALLERS) {
            response = get(service.url() + url, caller.get());
            if (response.statusCode() != 403) {
                return response;
            }
        }
        return response;
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
