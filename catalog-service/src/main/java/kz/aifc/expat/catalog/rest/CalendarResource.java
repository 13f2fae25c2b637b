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
import jakarta.ws.rs.DELETE;
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
import kz.aifc.expat.catalog.model.CalendarDay;
import kz.aifc.expat.catalog.rest.CatalogDtos.*;
import kz.aifc.expat.catalog.service.CatalogAdmin;
import kz.aifc.expat.catalog.service.CatalogStore;
import kz.aifc.expat.catalog.service.LoadedVersion;
import kz.aifc.expat.catalog.service.WorkingCalendar;
import kz.aifc.expat.catalog.service.content.CatalogContent;
import kz.aifc.expat.catalog.service.content.Lang;
import kz.aifc.expat.catalog.service.content.Localized;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The office calendar: hours, working days and working-day arithmetic (Asia/Almaty). */
@Path("/api/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calendar", description = "The working-day calendar of Kazakhstan and the office hours")
public class CalendarResource {

    static final int MAX_RANGE_DAYS = 400;
    static final int MAX_BETWEEN_DAYS = 3660;
    static final Set<String> KINDS = Arrays.stream(CalendarDay.Kind.values()).map(Enum::name)
            .collect(Collectors.toSet());

    @Inject
    CatalogStore store;

    @Inject
    CatalogAdmin admin;

    @Inject
    HttpCaching caching;

    @Inject
    CallerContext caller;

    @GET
    @Path("office")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "Office hours, lunch break, time zone and contacts")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CatalogDtos.OfficeView.class)))
    public Response getOfficeHours(@Context HttpHeaders headers) {
        LoadedVersion v = store.select(null, null);
        CatalogContent.Office o = v.content().office();
        return caching.respond(headers, "office|" + v.version(), lang -> new OfficeView(o.timeZone(), o.opens(),
                o.closes(), o.lunchStart(), o.lunchEnd(), o.workingDays().stream().map(Enum::name).toList(),
                o.address().in(lang), o.email(),
                o.phones().stream().map(ph -> new PhoneView(ph.number(), ph.hours())).toList(), v.version()));
    }

    @GET
    @Path("days")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "Every day of a range (max 400 days) with working flag and reason")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogDtos.DayView.class)))
    public Response listCalendarDays(@QueryParam("from") String fromText, @QueryParam("to") String toText,
                         @Context HttpHeaders headers) {
        Params p = new Params();
        LocalDate from = p.requiredDate("from", fromText);
        LocalDate to = p.requiredDate("to", toText);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                p.error("to", "must not be before from");
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
                p.error("to", "the range may cover at most " + MAX_RANGE_DAYS + " days");
            }
        }
        p.check();
        WorkingCalendar cal = store.calendar();
        return caching.respond(headers, "days|" + from + "|" + to, lang -> {
            List<DayView> out = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.add(day(cal, d, lang));
            }
            return out;
        });
    }

    @GET
    @Path("working-day")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "Is this date a working day of the office?")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CatalogDtos.DayView.class)))
    public Response isWorkingDay(@QueryParam("date") String dateText, @Context HttpHeaders headers) {
        Params p = new Params();
        LocalDate date = p.requiredDate("date", dateText);
        p.check();
        return caching.respond(headers, "working-day|" + date, lang -> day(store.calendar(), date, lang));
    }

    @GET
    @Path("add-working-days")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "The N-th working day after a date (before it for negative N)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CatalogDtos.AddWorkingDaysView.class)))
    public Response addWorkingDays(@QueryParam("date") String dateText, @QueryParam("days") String daysText,
                                   @Context HttpHeaders headers) {
        Params p = new Params();
        LocalDate date = p.requiredDate("date", dateText);
        Integer days = p.requiredInteger("days", daysText, -WorkingCalendar.MAX_DAYS, WorkingCalendar.MAX_DAYS);
        p.check();
        return caching.respond(headers, Lang.RU, "add|" + date + "|" + days,
                () -> new AddWorkingDaysView(date, days, store.calendar().addWorkingDays(date, days)));
    }

    @GET
    @Path("working-days-between")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "Working days in (from, to]; negative when to is before from")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CatalogDtos.WorkingDaysBetweenView.class)))
    public Response countWorkingDaysBetween(@QueryParam("from") String fromText, @QueryParam("to") String toText,
                            @Context HttpHeaders headers) {
        Params p = new Params();
        LocalDate from = p.requiredDate("from", fromText);
        LocalDate to = p.requiredDate("to", toText);
        if (from != null && to != null && Math.abs(ChronoUnit.DAYS.between(from, to)) > MAX_BETWEEN_DAYS) {
            p.error("to", "from and to may be at most " + MAX_BETWEEN_DAYS + " days apart");
        }
        p.check();
        return caching.respond(headers, Lang.RU, "between|" + from + "|" + to,
                () -> new WorkingDaysBetweenView(from, to, store.calendar().workingDaysBetween(from, to)));
    }

    @GET
    @Path("entries")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "All explicit calendar entries (holidays, moved days off, transfers) of a year")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogDtos.CalendarDayView.class)))
    public Response listCalendarEntries(@QueryParam("year") String yearText, @Context HttpHeaders headers) {
        Params p = new Params();
        Integer year = p.requiredInteger("year", yearText, 1990, 2200);
        p.check();
        return caching.respond(headers, Lang.RU, "entries|" + year, () -> store.calendar().entries()
                .subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values().stream()
                .map(d -> new CalendarDayView(d.date(), d.working(), d.kind(), d.reasonRu(), d.reasonEn(), null))
                .toList());
    }

    @PUT
    @Path("days/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add or change a holiday, moved day off or decreed transfer (admin)")
    public CalendarDayView setCalendarDay(@PathParam("date") String dateText, CalendarDayRequest request) {
        Params p = new Params();
        LocalDate date = p.requiredDate("date", dateText);
        if (request == null) {
            p.error("body", "is required");
            p.check();
        }
        if (request.working() == null) {
            p.error("working", "is required");
        }
        String kind = p.oneOf("kind", request.kind(), KINDS);
        if (request.kind() == null) {
            p.error("kind", "is required, one of " + KINDS.stream().sorted().toList());
        }
        if (request.reasonRu() == null || request.reasonRu().isBlank() || request.reasonRu().length() > 300) {
            p.error("reasonRu", "is required (at most 300 characters)");
        }
        if (request.reasonEn() == null || request.reasonEn().isBlank() || request.reasonEn().length() > 300) {
            p.error("reasonEn", "is required (at most 300 characters)");
        }
        if (request.source() != null && request.source().length() > 300) {
            p.error("source", "at most 300 characters");
        }
        if (kind != null && request.working() != null
                && request.working() != CalendarDay.Kind.TRANSFER_WORKING_DAY.name().equals(kind)) {
            p.error("working", "must be true exactly for kind TRANSFER_WORKING_DAY");
        }
        p.check();
        CalendarDay d = admin.putDay(date, request.working(), CalendarDay.Kind.valueOf(kind), request.reasonRu(),
                request.reasonEn(), request.source(), caller.actorName());
        return new CalendarDayView(d.date, d.working, d.kind.name(), d.reasonRu, d.reasonEn, d.source);
    }

    @DELETE
    @Path("days/{date}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove an explicit calendar day (admin)")
    @APIResponse(responseCode = "204", description = "Done, no content")
    public Response removeCalendarDay(@PathParam("date") String dateText) {
        Params p = new Params();
        LocalDate date = p.requiredDate("date", dateText);
        p.check();
        admin.deleteDay(date, caller.actorName());
        return Response.noContent().build();
    }

    /** The catalogue's own word for a weekend; admins enter holiday reasons in Russian and English only. */
    static final Localized WEEKEND = Localized.of("Выходной день", "Weekend", "Демалыс күні");

    private static DayView day(WorkingCalendar cal, LocalDate d, Lang lang) {
        WorkingCalendar.Day entry = cal.entry(d);
        boolean working = cal.isWorking(d);
        if (entry != null) {
            return new DayView(d, working, entry.kind(),
                    new Localized(entry.reasonRu(), entry.reasonEn(), null).in(lang));
        }
        if (!working) {
            return new DayView(d, false, "WEEKEND", WEEKEND.in(lang));
        }
        return new DayView(d, true, "WORKING_DAY", null);
    }
}
