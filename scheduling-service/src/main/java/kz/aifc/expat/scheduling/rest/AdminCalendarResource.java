package kz.aifc.expat.scheduling.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.scheduling.service.CalendarAdminService;
import kz.aifc.expat.scheduling.service.OfficeCalendar;
import kz.aifc.expat.scheduling.service.SlotPlanner;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/admin")
@Tag(name = "admin", description = "Counters per day and closures of the office")
@Produces(MediaType.APPLICATION_JSON)
public class AdminCalendarResource {

    @Inject
    CalendarAdminService admin;

    @Inject
    SlotPlanner planner;

    @Inject
    OfficeCalendar calendar;

    @Inject
    Views views;

    @POST
    @Path("/closures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Close the office for a date or part of it; overlapping appointments are cancelled")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.ClosureView.class)))
    public Response addClosure(@Valid @NotNull Dtos.ClosureRequest request) {
        var result = admin.addClosure(views.actor(), Views.date("date", request.date(), null),
                Views.localTime("startTime", request.startTime()), Views.localTime("endTime", request.endTime()),
                request.reason());
        return Response.created(URI.create("/api/v1/admin/closures/" + result.closure().id))
                .entity(views.view(result.closure(), result.cancelledAppointments())).build();
    }

    @GET
    @Path("/closures")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Operation(summary = "Closures in a date range (default: the booking window)")
    public List<Dtos.ClosureView> listClosures(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = Views.date("from", from, planner.today());
        return admin.closures(first, Views.date("to", to, first.plusDays(62))).stream()
                .map(c -> views.view(c, null)).toList();
    }

    @DELETE
    @Path("/closures/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a closure (cancelled appointments stay cancelled)")
    @APIResponse(responseCode = "204", description = "Done, no content")
    public Response removeClosure(@PathParam("id") UUID id) {
        admin.removeClosure(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/counters/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the number of open counters (seats per slot) for one date")
    public Dtos.CountersView setCounters(@PathParam("date") String date, @Valid @NotNull Dtos.CountersRequest request) {
        var o = admin.setCounters(views.actor(), Views.date("date", date, null), request.counters());
        return new Dtos.CountersView(o.day.toString(), o.counters, o.updatedBy);
    }

    @DELETE
    @Path("/counters/{date}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Back to the weekday default for one date")
    @APIResponse(responseCode = "204", description = "Done, no content")
    public Response clearCounters(@PathParam("date") String date) {
        admin.clearCounters(Views.date("date", date, null));
        return Response.noContent().build();
    }

    @GET
    @Path("/counters")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Operation(summary = "Per-date counter overrides in a range")
    public List<Dtos.CountersView> listCounters(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = Views.date("from", from, planner.today());
        return admin.overrides(first, Views.date("to", to, first.plusDays(62))).stream()
                .map(o -> new Dtos.CountersView(o.day.toString(), o.counters, o.updatedBy)).toList();
    }

    @PUT
    @Path("/counters/weekdays/{weekday}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the number of open counters on every date of one weekday (MONDAY..SUNDAY, any case); "
            + "a per-date override still wins")
    public Dtos.WeekdayCountersView setWeekdayCounters(@PathParam("weekday") String weekday,
                                                       @Valid @NotNull Dtos.WeekdayCountersRequest request) {
        return view(admin.setWeekdayCounters(views.actor(), weekday(weekday), request.counters()));
    }

    @DELETE
    @Path("/counters/weekdays/{weekday}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Back to the configured counters for one weekday")
    @APIResponse(responseCode = "204", description = "Done, no content")
    public Response clearWeekdayCounters(@PathParam("weekday") String weekday) {
        admin.clearWeekdayCounters(weekday(weekday));
        return Response.noContent().build();
    }

    @GET
    @Path("/counters/weekdays")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Operation(summary = "The seven weekdays with their counters (without per-date overrides) and source ADMIN/CONFIG")
    public List<Dtos.WeekdayCountersView> listWeekdayCounters() {
        return admin.weekdayCounters().stream().map(this::view).toList();
    }

    private Dtos.WeekdayCountersView view(CalendarAdminService.WeekdayValue w) {
        return new Dtos.WeekdayCountersView(w.weekday().name(), w.counters(), w.admin() ? "ADMIN" : "CONFIG",
                w.configured(), w.updatedBy(), views.time(w.updatedAt()));
    }

    /** MONDAY..SUNDAY, case-insensitive; anything else is a 400. */
    private static DayOfWeek weekday(String value) {
        try {
            return DayOfWeek.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest("weekday", "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, "
                    + "FRIDAY, SATURDAY, SUNDAY (case-insensitive)");
        }
    }

    @POST
    @Path("/calendar/refresh")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Forget the cached office calendar (after a change in catalog-service)")
    @APIResponse(responseCode = "204", description = "Done, no content")
    public Response refreshCalendar() {
        calendar.invalidate();
        return Response.noContent().build();
    }
}
