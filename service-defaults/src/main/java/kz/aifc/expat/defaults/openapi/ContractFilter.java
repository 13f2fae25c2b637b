package kz.aifc.expat.defaults.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import kz.aifc.expat.defaults.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Completes every service's OpenAPI document the same way, so clients can be generated from it (#17): the shared
 * RFC 9457 {@code Problem} schema, the error responses each operation can answer as {@code application/problem+json}
 * (by rules stated in {@link #errorsOf}), {@code security: []} on anonymous operations, and a build failure when two
 * operations share an operationId (operationIds are the Java method names: quarkus.smallrye-openapi.operation-id-strategy).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";

    /** A reusable error response: its component name and what it means. */
    record ErrorResponse(String component, String description) {
    }

    /** status → its reusable response, in status order (the order of components in the document). */
    static final Map<String, ErrorResponse> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new ErrorResponse("BadRequest",
                "The request is malformed or a field is invalid (see errors)"));
        ERRORS.put("401", new ErrorResponse("Unauthorized", "No valid bearer token"));
        ERRORS.put("403", new ErrorResponse("Forbidden", "The caller's role may not do this"));
        ERRORS.put("404", new ErrorResponse("NotFound",
                "No such resource for this caller (another company's resources answer 404 too)"));
        ERRORS.put("406", new ErrorResponse("NotAcceptable",
                "Accept names none of the media types this operation answers"));
        ERRORS.put("409", new ErrorResponse("Conflict",
                "The resource's state does not allow this now (problem lists currentState/allowedActions where "
                        + "known)"));
        ERRORS.put("412", new ErrorResponse("PreconditionFailed",
                "If-Match does not name the current version (re-read)"));
        ERRORS.put("413", new ErrorResponse("ContentTooLarge", "The body is larger than the limit"));
        ERRORS.put("415", new ErrorResponse("UnsupportedMediaType",
                "The body's Content-Type is not one this operation reads"));
        ERRORS.put("422", new ErrorResponse("RuleViolated",
                "A business rule refuses the request, or the Idempotency-Key was used with another body"));
        ERRORS.put("428", new ErrorResponse("PreconditionRequired", "If-Match is required"));
        ERRORS.put("429", new ErrorResponse("TooManyRequests",
                "A rate limit is exhausted (anonymous and expensive operations; 401s per address): retry after "
                        + "Retry-After seconds"));
        ERRORS.put("503", new ErrorResponse("ServiceUnavailable",
                "A store or service this operation needs is unavailable, or uploads are saturated: retry after "
                        + "Retry-After seconds"));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(PROBLEM, problemSchema());

        Map<String, List<String>> operationIds = new TreeMap<>();
        Set<String> used = new TreeSet<>();
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
                used.addAll(complete(path, method, op));
                if (op.getOperationId() != null) {
                    operationIds.computeIfAbsent(op.getOperationId(), id -> new ArrayList<>()).add(method + " " + path);
                }
            }));
        }
        markAlwaysPresentMembersRequired(openAPI);
        // only the responses some operation refers to (an unused component is noise for client generators)
        ERRORS.forEach((status, response) -> {
            if (used.contains(status)) {
                components.addResponse(response.component(), errorResponse(status, response.description()));
            }
        });
        List<String> duplicates = new ArrayList<>();
        operationIds.forEach((id, ops) -> {
            if (ops.size() > 1) {
                duplicates.add(id + " " + ops);
            }
        });
        if (!duplicates.isEmpty()) {
            throw new IllegalStateException("operationIds must be unique (rename a resource method): " + duplicates);
        }
    }

    /** Adds the error responses and the security of one operation; returns the statuses it added. */
    private static List<String> complete(String path, PathItem.HttpMethod method, Operation op) {
        boolean anonymous = op.getSecurity() == null || op.getSecurity().isEmpty();
        if (anonymous) {
            op.setSecurity(new ArrayList<>()); // serialised as security: [] (public), not "inherit the default"
        }
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        List<String> errors = errorsOf(path, method, op, anonymous);
        for (String status : errors) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse()
                    .ref("#/components/responses/" + ERRORS.get(status).component()));
        }
        return errors;
    }

    /**
     * The rules: every operation may answer 400 (a malformed parameter or header), 429 and 503; a secured one 401
     * and 403; one with a path parameter 404; one with a success body 406 (an Accept it cannot satisfy); one that
     * changes state (POST/PUT/PATCH/DELETE) 409 and 422; one with an If-Match header 412 and 428; one with a request
     * body 413 and 415.
     */
    static List<String> errorsOf(String path, PathItem.HttpMethod method, Operation op, boolean anonymous) {
        List<String> errors = new ArrayList<>(List.of("400"));
        if (!anonymous) {
            errors.addAll(List.of("401", "403"));
        }
        if (path.contains("{")) {
            errors.add("404");
        }
        if (hasSuccessBody(op)) {
            errors.add("406");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            errors.addAll(List.of("409", "422"));
        }
        if (hasHeader(op, "If-Match")) {
            errors.addAll(List.of("412", "428"));
        }
        if (op.getRequestBody() != null) {
            errors.addAll(List.of("413", "415"));
        }
        errors.addAll(List.of("429", "503"));
        return errors;
    }

    /**
     * Jackson writes every member of a response record, null or not (Quarkus' default inclusion), so every property
     * of a schema that only responses use is always present: it is listed in {@code required} and generated clients
     * type it as such. Not for schemas that request bodies use too (a client may omit members there), nor for
     * records that omit null members ({@code @JsonInclude(NON_NULL)}), which say so with the schema extension
     * {@value #OMITS_NULLS}.
     */
    static void markAlwaysPresentMembersRequired(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> named = openAPI.getComponents().getSchemas();
        Set<String> inResponses = new TreeSet<>();
        Set<String> inRequests = new TreeSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values()
                        .forEach(media -> reach(media.getSchema(), named, inRequests));
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.startsWith("2") && response.getContent() != null) {
                        response.getContent().getMediaTypes().values()
                                .forEach(media -> reach(media.getSchema(), named, inResponses));
                    }
                });
            }
        }));
        inResponses.removeAll(inRequests);
        for (String name : inResponses) {
            Schema schema = named.get(name);
            if (schema.getProperties() == null || schema.getExtensions() != null
                    && "true".equals(String.valueOf(schema.getExtensions().get(OMITS_NULLS)))) {
                continue;
            }
            schema.getProperties().keySet().forEach(member -> {
                if (schema.getRequired() == null || !schema.getRequired().contains(member)) {
                    schema.addRequired(member);
                }
            });
        }
    }

    /** Schema extension on records that leave null members out: their members are not all required. */
    public static final String OMITS_NULLS = "x-omits-null-members";

    /** Collects the names of the component schemas {@code schema} refers to, transitively. */
    private static void reach(Schema schema, Map<String, Schema> named, Set<String> found) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (found.add(name)) {
                reach(named.get(name), named, found);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(member -> reach(member, named, found));
        }
        reach(schema.getItems(), named, found);
        reach(schema.getAdditionalPropertiesSchema(), named, found);
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull)
                .flatMap(List::stream).forEach(member -> reach(member, named, found));
    }

    private static boolean hasSuccessBody(Operation op) {
        if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
            return false;
        }
        return op.getResponses().getAPIResponses().entrySet().stream().anyMatch(r -> r.getKey().startsWith("2")
                && r.getValue().getContent() != null && r.getValue().getContent().getMediaTypes() != null
                && !r.getValue().getContent().getMediaTypes().isEmpty());
    }

    private static boolean hasHeader(Operation op, String name) {
        if (op.getParameters() == null) {
            return false;
        }
        for (Parameter p : op.getParameters()) {
            if (p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName())) {
                return true;
            }
        }
        return false;
    }

    private static APIResponse errorResponse(String status, String description) {
        APIResponse response = OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM))));
        if (status.equals("429") || status.equals("503")) {
            response.addHeader("Retry-After", header("Seconds to wait before retrying", Schema.SchemaType.INTEGER));
        }
        if (status.equals("429")) {
            response.addHeader("RateLimit", header("draft-ietf-httpapi-ratelimit-headers: remaining budget "
                    + "(e.g. \"public-read\";r=0;t=12)", Schema.SchemaType.STRING));
            response.addHeader("RateLimit-Policy", header("The budget that applies (e.g. \"public-read\";q=300;w=60)",
                    Schema.SchemaType.STRING));
        }
        return response;
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The request field (or header, parameter) at fault"))
                .addProperty("message", string("What is wrong with it"))
                .addRequired("field").addRequired("message");
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. type is a stable URI per error kind ("
                        + Problem.TYPE_PREFIX + "<kind>): branch on it, not on detail. Some kinds add members "
                        + "(e.g. currentState and allowedActions on 409).")
                .addProperty("type", string("Stable URI of the error kind").format("uri"))
                .addProperty("title", string("Short summary of the kind"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The HTTP status"))
                .addProperty("detail", string("This occurrence, in words"))
                .addProperty("instance", string("The request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("Field errors of a 400"))
                .addRequired("type").addRequired("title").addRequired("status")
                .additionalPropertiesSchema(OASFactory.createSchema()); // extension members
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
