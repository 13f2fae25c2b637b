package kz.aifc.expat.scheduling.rest;

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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.defaults.idempotency.IdempotentRequests;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.scheduling.model.AppointmentStatus;
import kz.aifc.expat.scheduling.service.Actor;
import kz.aifc.expat.scheduling.service.AttendanceRule;
import kz.aifc.expat.scheduling.service.BookingService;
import kz.aifc.expat.scheduling.service.DeskService;
import kz.aifc.expat.scheduling.service.IcsWriter;
import kz.aifc.expat.scheduling.service.OfficeCalendar;
import kz.aifc.expat.scheduling.service.ScheduleQueries;
import kz.aifc.expat.scheduling.service.SlotPlanner;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/appointments")
@Tag(name = "appointments", description = "Visits to the centre: booking, confirmation, check-in")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    /** Realm role of the notification-service's service account: reads appointments of every company. */
    public static final String NOTIFIER = "notifier";

    @Inject
    BookingService booking;

    @Inject
    DeskService desk;

    @Inject
    AttendanceRule attendance;

    @Inject
    ScheduleQueries queries;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    IcsWriter ics;

    @Inject
    OfficeCalendar calendar;

    @Inject
    SlotPlanner planner;

    @Inject
    Views views;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Book a visit (hold=true: hold the seat until confirmed) — company-hr, officer, admin; "
            + "Idempotency-Key supported")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.AppointmentView.class)))
    public Response bookAppointment(@Valid @NotNull Dtos.BookRequest request,
                         @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Actor actor = views.actor();
        OffsetDateTime start = Views.moment("start", request.start());
        // the catalog is read here, before the transaction (Idempotency-Key row, application row) locks anything
        SlotPlanner.StartDay day = planner.prepare(start);
        return idempotent.run(idempotencyKey, "book", request, () -> {
            var a = booking.book(actor, request.applicationId(), start, Boolean.TRUE.equals(request.hold()), day);
            return Response.created(URI.create("/api/v1/appointments/" + a.id)).entity(views.view(a)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Appointments visible to the caller (company: its own), newest first, at most 200")
    public List<Dtos.AppointmentView> listAppointments(@QueryParam("applicationId") String applicationId,
                                           @QueryParam("status") String status) {
        AppointmentStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = AppointmentStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status", "must be one of " + List.of(AppointmentStatus.values()));
            }
        }
        return queries.appointments(views.actor(), applicationId, s).stream().map(views::view).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN, NOTIFIER})
    @Operation(summary = "One appointment (another company's: 404; notifier: any company)")
    public Dtos.AppointmentView getAppointment(@PathParam("id") UUID id) {
        return views.view(queries.appointment(views.reader(), id));
    }

    @GET
    @Path("/{id}/calendar.ics")
    @Produces("text/calendar")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN, NOTIFIER})
    @Operation(summary = "The appointment as an RFC 5545 calendar file, in the office time zone (notifier: any "
            + "company)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    public Response downloadCalendarFile(@PathParam("id") UUID id) {
        var a = queries.appointment(views.reader(), id);
        return Response.ok(ics.write(a, calendar.office()), "text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"expat-centre-visit-" + a.id + ".ics\"")
                .build();
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Confirm a held slot before the hold expires")
    public Dtos.AppointmentView confirmAppointment(@PathParam("id") UUID id) {
        return views.view(booking.confirm(views.actor(), id));
    }

    @POST
    @Path("/{id}/confirm-attendance")
    @RolesAllowed(Roles.COMPANY_HR)
    @Operation(summary = "The company confirms it will attend (idempotent); 409 unless BOOKED and before the "
            + "confirm deadline (24 h before the start)")
    public Dtos.AppointmentView confirmAttendance(@PathParam("id") UUID id) {
        return views.view(attendance.confirm(views.actor(), id));
    }

    @GET
    @Path("/confirm-attendance")
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "One-click attendance confirmation from the reminder e-mail, no login: a signed, single-use "
            + "token valid until the confirm deadline. 400 altered, 410 expired/used/superseded, 409 not BOOKED")
    @APIResponse(responseCode = "200", description = "OK",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = Dtos.AttendanceLinkView.class)), @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING))})
    public Response confirmAttendanceByLink(@QueryParam("token") String token, @Context HttpHeaders headers) {
        AttendanceRule.LinkResult result = attendance.confirmByLink(token);
        var a = result.appointment();
        var view = new Dtos.AttendanceLinkView(a.id.toString(), views.time(a.startsAt), views.time(a.endsAt),
                a.status.name(), true, result.alreadyConfirmed(), views.time(a.attendanceConfirmedAt),
                result.alreadyConfirmed() ? "Attendance was already confirmed" : "Thank you: attendance confirmed");
        if (prefersHtml(headers)) {
            return Response.ok(AttendancePage.html(view), MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                    .header("Cache-Control", "no-store").build();
        }
        return Response.ok(view, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/exempt-confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Officer: the appointment needs no attendance confirmation (never reminded for it, never "
            + "cancelled by the rule); reason required; idempotent")
    public Dtos.AppointmentView exemptConfirmation(@PathParam("id") UUID id,
                                                   @Valid @NotNull Dtos.ExemptRequest request) {
        return views.view(attendance.exempt(views.actor(), id, request.reason()));
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Move a booked appointment to another slot (company: up to the minimum notice)")
    public Dtos.AppointmentView rescheduleAppointment(@PathParam("id") UUID id, @Valid @NotNull Dtos.RescheduleRequest request) {
        Actor actor = views.actor();
        OffsetDateTime start = Views.moment("start", request.start());
        return views.view(booking.reschedule(actor, id, start, planner.prepare(start)));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Cancel (company: up to the minimum notice; officer: any time, reason required)")
    public Dtos.AppointmentView cancelAppointment(@PathParam("id") UUID id, @Valid Dtos.CancelRequest request) {
        return views.view(booking.cancel(views.actor(), id, request == null ? null : request.reason()));
    }

    @POST
    @Path("/{id}/check-in")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Officer: the applicant arrived (on the day of the visit)")
    public Dtos.AppointmentView checkIn(@PathParam("id") UUID id) {
        return views.view(desk.checkIn(views.actor(), id));
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Officer: the applicant did not come (after the start); the application may book again")
    public Dtos.AppointmentView markNoShow(@PathParam("id") UUID id) {
        return views.view(desk.noShow(views.actor(), id));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Officer: originals received (publishes appointment.completed)")
    public Dtos.AppointmentView completeVisit(@PathParam("id") UUID id) {
        return views.view(desk.complete(views.actor(), id));
    }

    /** A browser (text/html preferred over JSON) gets the page; anything else JSON. */
    private static boolean prefersHtml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
