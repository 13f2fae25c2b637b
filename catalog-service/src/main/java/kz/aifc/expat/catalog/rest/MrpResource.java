package kz.aifc.expat.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.PermitAll;
import kz.aifc.expat.defaults.ratelimit.RateLimitPlan;
import kz.aifc.expat.defaults.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.catalog.rest.CatalogDtos.MrpRequest;
import kz.aifc.expat.catalog.rest.CatalogDtos.MrpView;
import kz.aifc.expat.catalog.service.CatalogAdmin;
import kz.aifc.expat.catalog.service.CatalogStore;
import kz.aifc.expat.catalog.service.content.Lang;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The monthly calculation index (MRP) by year. */
@Path("/api/v1/mrp")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mrp", description = "Monthly calculation index (MRP) per year, the unit of state duties")
public class MrpResource {

    @Inject
    CatalogStore store;

    @Inject
    CatalogAdmin admin;

    @Inject
    HttpCaching caching;

    @GET
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "MRP in force on a date (default today, Asia/Almaty)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CatalogDtos.MrpView.class)))
    public Response getCurrentMrp(@QueryParam("asOf") String asOf, @Context HttpHeaders headers) {
        Params p = new Params();
        LocalDate date = p.date("asOf", asOf);
        p.check();
        int year = (date == null ? CatalogStore.today() : date).getYear();
        return year(year, headers);
    }

    @GET
    @Path("{year}")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "MRP of a year")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CatalogDtos.MrpView.class)))
    public Response getMrpOfYear(@PathParam("year") String yearText, @Context HttpHeaders headers) {
        Params p = new Params();
        Integer year = p.requiredInteger("year", yearText, 1990, 2200);
        p.check();
        var rate = store.snapshot().mrp().get(year);
        if (rate == null) {
            throw ProblemException.notFound("MRP of year", year);
        }
        return caching.respond(headers, Lang.RU, "mrp-year|" + year, () -> new MrpView(year, rate));
    }

    private Response year(int year, HttpHeaders headers) {
        var entry = store.mrp(year).orElseThrow(() -> ProblemException.notFound("MRP of year", year));
        return caching.respond(headers, Lang.RU, "mrp|" + year,
                () -> new MrpView(entry.getKey(), entry.getValue()));
    }

    @GET
    @Path("all")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "The whole MRP table")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogDtos.MrpView.class)))
    public Response listMrp(@Context HttpHeaders headers) {
        return caching.respond(headers, Lang.RU, "mrp-all", () -> store.snapshot().mrp().entrySet().stream()
                .map(e -> new MrpView(e.getKey(), e.getValue())).toList());
    }

    @PUT
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the MRP of a year (admin)")
    public MrpView setMrp(@PathParam("year") String yearText, MrpRequest request) {
        Params p = new Params();
        Integer year = p.requiredInteger("year", yearText, 1990, 2200);
        if (request == null || request.amount() == null) {
            p.error("amount", "is required");
        } else if (request.amount().signum() <= 0 || request.amount().scale() > 2
                || request.amount().compareTo(new BigDecimal("1000000")) >= 0) {
            p.error("amount", "must be a positive KZT amount with at most 2 decimals");
        }
        p.check();
        var saved = admin.setMrp(year, request.amount(), request.source());
        return new MrpView(saved.year, saved.amount);
    }

    static List<Integer> years(CatalogStore store) {
        return List.copyOf(store.snapshot().mrp().keySet());
    }
}
