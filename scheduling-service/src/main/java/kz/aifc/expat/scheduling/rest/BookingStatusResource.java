package kz.aifc.expat.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.service.ScheduleQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/applications/{applicationId}/booking")
@Tag(name = "appointments")
@Produces(MediaType.APPLICATION_JSON)
public class BookingStatusResource {

    @Inject
    ScheduleQueries queries;

    @Inject
    Views views;

    @GET
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Whether the application may book a visit, and its active appointment (unknown or another "
            + "company's: 404)")
    public Dtos.BookingStatus getBookingStatus(@PathParam("applicationId") String applicationId) {
        var app = queries.bookable(views.actor(), applicationId);
        return new Dtos.BookingStatus(app.applicationId, app.companyBin, app.serviceCode, app.open, app.closedReason,
                app.round, views.view(Appointment.activeOf(applicationId)));
    }
}
