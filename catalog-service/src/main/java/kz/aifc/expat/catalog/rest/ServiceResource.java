package kz.aifc.expat.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.PermitAll;
import kz.aifc.expat.defaults.ratelimit.RateLimitPlan;
import kz.aifc.expat.defaults.ratelimit.RateLimited;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.catalog.service.ApplicantProfile;
import kz.aifc.expat.catalog.service.CatalogStore;
import kz.aifc.expat.catalog.service.LoadedVersion;
import kz.aifc.expat.catalog.service.content.CatalogContent;
import kz.aifc.expat.catalog.service.content.Condition;
import kz.aifc.expat.catalog.service.content.ContentValidator;
import kz.aifc.expat.defaults.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Public reads of services, checklists and fees (anonymous), from memory with ETags. */
@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "services", description = "The 23 migration services: documents, fees, processing times")
public class ServiceResource {

    @Inject
    CatalogStore store;

    @Inject
    CatalogViews views;

    @Inject
    HttpCaching caching;

    @GET
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "List services (anonymous); filters: group, category, familyMember, q; asOf or version")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogDtos.ServiceSummary.class)))
    public Response listServices(@QueryParam("group") String group, @QueryParam("category") String category,
                         @QueryParam("familyMember") String familyMember, @QueryParam("q") String q,
                         @QueryParam("asOf") String asOf, @QueryParam("version") String version,
                         @Context HttpHeaders headers) {
        Params p = new Params();
        LocalDate date = p.date("asOf", asOf);
        Integer ver = p.integer("version", version, 1, Integer.MAX_VALUE);
        Boolean family = p.bool("familyMember", familyMember);
        p.check();
        LoadedVersion v = store.select(date, ver);
        String groupCode = group == null || group.isBlank() ? null : group.trim().toUpperCase(Locale.ROOT);
        if (groupCode != null && !v.groups().containsKey(groupCode)) {
            throw ProblemException.badRequest("group", "must be one of " + v.groups().keySet());
        }
        String cat = category == null || category.isBlank() ? null : ApplicantProfile.normaliseCategory(category);
        String text = q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
        String key = "list|" + v.version() + "|" + groupCode + "|" + cat + "|" + family + "|" + text;
        return caching.respond(headers, key, lang -> v.services().values().stream()
                .filter(s -> groupCode == null || s.group().equals(groupCode))
                .filter(s -> cat == null || s.visaCategories().stream()
                        .map(ApplicantProfile::normaliseCategory).anyMatch(cat::equals))
                .filter(s -> family == null || s.familyMembers() == family)
                .filter(s -> text == null || matches(s, text))
                .map(s -> views.summary(v, s, lang))
                .toList());
    }

    private static boolean matches(CatalogContent.ServiceDef s, String text) {
        return s.code().contains(text)
                || s.title().ru().toLowerCase(Locale.ROOT).contains(text)
                || s.title().en().toLowerCase(Locale.ROOT).contains(text)
                || s.description().ru().toLowerCase(Locale.ROOT).contains(text)
                || s.description().en().toLowerCase(Locale.ROOT).contains(text);
    }

    @GET
    @Path("{code}")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "One service with texts, documents and conditions, fees, processing time, rules, notes")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CatalogDtos.ServiceView.class)))
    public Response getService(@PathParam("code") String code, @QueryParam("asOf") String asOf,
                        @QueryParam("version") String version, @Context HttpHeaders headers) {
        Params p = new Params();
        LocalDate date = p.date("asOf", asOf);
        Integer ver = p.integer("version", version, 1, Integer.MAX_VALUE);
        p.check();
        LoadedVersion v = store.select(date, ver);
        CatalogContent.ServiceDef s = service(v, code);
        LocalDate feeDate = CatalogViews.feeDate(v, date);
        return caching.respond(headers, "service|" + v.version() + "|" + code + "|" + feeDate.getYear(),
                lang -> views.service(v, s, lang, feeDate));
    }

    @GET
    @Path("{code}/checklist")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "The documents that apply to an applicant profile")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CatalogDtos.ChecklistView.class)))
    public Response getServiceChecklist(@PathParam("code") String code, @QueryParam("legalForm") String legalForm,
                              @QueryParam("applicantType") String applicantType,
                              @QueryParam("visaCategory") String visaCategory,
                              @QueryParam("childAge") String childAge, @QueryParam("variant") String variant,
                              @QueryParam("entity") String entity, @QueryParam("asOf") String asOf,
                              @QueryParam("version") String version, @Context HttpHeaders headers) {
        Params p = new Params();
        LocalDate date = p.date("asOf", asOf);
        Integer ver = p.integer("version", version, 1, Integer.MAX_VALUE);
        String form = p.oneOf("legalForm", legalForm, ContentValidator.LEGAL_FORMS);
        String type = p.oneOf("applicantType", applicantType, ContentValidator.APPLICANT_TYPES);
        String ent = p.oneOf("entity", entity, ContentValidator.ENTITIES);
        Integer age = p.integer("childAge", childAge, 0, 120);
        String cat = visaCategory == null || visaCategory.isBlank() ? null
                : ApplicantProfile.normaliseCategory(visaCategory);
        if (cat != null && !cat.matches("^[A-Z][0-9]{1,2}$")) {
            p.error("visaCategory", "must be a visa category such as C3, A5, B1, B2, B3, C5");
            cat = null;
        }
        String var = variant == null || variant.isBlank() ? null : variant.trim().toUpperCase(Locale.ROOT);
        if (!p.ok()) {
            p.check();
        }
        LoadedVersion v = store.select(date, ver);
        CatalogContent.ServiceDef s = service(v, code);
        // rules that depend on the service
        if (cat != null && !s.visaCategories().isEmpty() && s.visaCategories().stream()
                .map(ApplicantProfile::normaliseCategory).noneMatch(cat::equals)) {
            p.error("visaCategory", "service " + code + " covers categories " + s.visaCategories());
        }
        if ("FAMILY_MEMBER".equals(type) && !s.familyMembers()) {
            p.error("applicantType", "service " + code + " does not serve family members");
        }
        // a list that differs by visa category (B2 contract / B3 confirmation) cannot be answered without one:
        // leaving the category out would silently drop the category's documents
        List<String> categoryDependent = v.documentsOf(s).stream().flatMap(r -> r.conditions().stream())
                .filter(c -> c.kind() == Condition.Kind.VISA_CATEGORY_IN)
                .flatMap(c -> c.values().stream()).map(ApplicantProfile::normaliseCategory).distinct().toList();
        if (!categoryDependent.isEmpty() && cat == null && (visaCategory == null || visaCategory.isBlank())) {
            p.error("visaCategory", "is required for " + code + ": its documents depend on the category (one of "
                    + s.visaCategories().stream().map(ApplicantProfile::normaliseCategory).toList() + ")");
        }
        boolean needsEntity = v.documentsOf(s).stream().flatMap(r -> r.conditions().stream())
                .anyMatch(c -> c.kind() == Condition.Kind.ENTITY);
        if (needsEntity && ent == null && entity == null) {
            p.error("entity", "is required for " + code + " (INDIVIDUAL or LEGAL_ENTITY)");
        }
        if (var != null && s.fees() != null && s.fees().serviceFees().stream().noneMatch(f -> f.variant().equals(var))) {
            p.error("variant", "must be one of " + s.fees().serviceFees().stream()
                    .map(f -> f.variant()).toList());
        }
        p.check();
        ApplicantProfile profile = new ApplicantProfile(form, type, cat, age, var, ent);
        String key = "checklist|" + v.version() + "|" + code + "|" + profile;
        return caching.respond(headers, key, lang -> views.checklist(v, s, profile, lang));
    }

    @GET
    @Path("{code}/fees")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "Fee lines, state duty (MRP multiple and amount), totals and processing time")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CatalogDtos.FeesView.class)))
    public Response getServiceFees(@PathParam("code") String code, @QueryParam("asOf") String asOf,
                         @QueryParam("version") String version, @Context HttpHeaders headers) {
        Params p = new Params();
        LocalDate date = p.date("asOf", asOf);
        Integer ver = p.integer("version", version, 1, Integer.MAX_VALUE);
        p.check();
        LoadedVersion v = store.select(date, ver);
        CatalogContent.ServiceDef s = service(v, code);
        LocalDate feeDate = CatalogViews.feeDate(v, date);
        return caching.respond(headers, "fees|" + v.version() + "|" + code + "|" + feeDate.getYear(),
                lang -> views.fees(v, s, lang, feeDate));
    }

    static CatalogContent.ServiceDef service(LoadedVersion v, String code) {
        CatalogContent.ServiceDef s = v.services().get(Objects.requireNonNullElse(code, ""));
        if (s == null) {
            throw ProblemException.notFound("Service", code);
        }
        return s;
    }

    static List<String> codes(LoadedVersion v) {
        return List.copyOf(v.services().keySet());
    }
}
