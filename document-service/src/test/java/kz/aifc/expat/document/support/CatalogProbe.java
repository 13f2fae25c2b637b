package kz.aifc.expat.document.support;

import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks the real catalog-service what a checklist is, so tests expect what the catalog answers instead of a copy of
 * it. Same address as the service under test uses ({@code CATALOG_URL}).
 */
public final class CatalogProbe {

    public static final String URL = System.getenv().getOrDefault("CATALOG_URL", "http://127.0.0.1:8081");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Applicant profile of application.submitted (the part the catalog checklist depends on). */
    public record Profile(String legalForm, String applicantType, String visaCategory) {

        public String json() {
            return "{\"legalForm\":" + quoted(legalForm) + ",\"applicantType\":" + quoted(applicantType)
                    + ",\"visaCategory\":" + quoted(visaCategory) + "}";
        }

        private static String quoted(String value) {
            return value == null ? "null" : "\"" + value + "\"";
        }
    }

    public record Item(String documentCode, String title, boolean mandatory, String delivery, boolean notarised,
                       boolean legalised) {

        public boolean uploadRequired() {
            return !"ORIGINAL_AT_VISIT".equals(delivery);
        }
    }

    public record Checklist(String catalogVersion, List<Item> items) {

        public List<String> codes() {
            return items.stream().map(Item::documentCode).toList();
        }

        /** What approval waits for and what a round asks for when missing. */
        public List<String> mandatoryUploads() {
            return items.stream().filter(i -> i.mandatory() && i.uploadRequired()).map(Item::documentCode).toList();
        }

        public List<String> optionalUploads() {
            return items.stream().filter(i -> !i.mandatory() && i.uploadRequired()).map(Item::documentCode).toList();
        }

        public List<String> originalsOnly() {
            return items.stream().filter(i -> !i.uploadRequired()).map(Item::documentCode).toList();
        }
    }

    private CatalogProbe() {
    }

    public static Checklist checklist(String serviceCode, Profile profile, LocalDate asOf) {
        HttpResponse<String> response = get(serviceCode, profile, asOf);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("catalog answered " + response.statusCode() + " for the checklist of "
                    + serviceCode + " on " + asOf + ": " + response.body());
        }
        JsonPath json = JsonPath.from(response.body());
        List<Item> items = json.getList("items", Map.class).stream().map(i -> new Item(
                (String) i.get("documentCode"), (String) i.get("title"), Boolean.TRUE.equals(i.get("mandatory")),
                (String) i.get("delivery"), Boolean.TRUE.equals(i.get("notarised")),
                Boolean.TRUE.equals(i.get("legalised")))).toList();
        return new Checklist(json.getString("catalogVersion"), items);
    }

    /** HTTP status of the checklist request (e.g. 404 for a date no catalog version covers). */
    public static int status(String serviceCode, Profile profile, LocalDate asOf) {
        return get(serviceCode, profile, asOf).statusCode();
    }

    private static HttpResponse<String> get(String serviceCode, Profile profile, LocalDate asOf) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("legalForm", profile.legalForm());
        query.put("applicantType", profile.applicantType());
        query.put("visaCategory", profile.visaCategory());
        query.put("asOf", asOf.toString());
        String params = query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        // no Accept-Language, like the service's REST client: titles come in the same (default) language
        HttpRequest request = HttpRequest.newBuilder(URI.create(URL + "/api/v1/services/"
                        + URLEncoder.encode(serviceCode, StandardCharsets.UTF_8) + "/checklist?" + params))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("catalog-service at " + URL + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
