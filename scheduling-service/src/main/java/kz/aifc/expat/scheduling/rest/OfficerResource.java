package kz.aifc.expat.scheduling.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.service.ScheduleQueries;
import kz.aifc.expat.scheduling.service.SlotPlanner;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Path("/api/v1/officer")
@Tag(name = "officer", description = "The desk's day of visits")
@Produces(MediaType.APPLICATION_JSON)
public class OfficerResource {

    @Inject
    ScheduleQueries queries;

    @Inject
    SlotPlanner planner;

    @Inject
    Views views;

    @GET
    @Path("/day")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "The visits of a day (default today): those not yet at a counter by start, then per counter",
            description = "A counter is given at check-in: the lowest one no checked-in visit overlapping it uses.")
    public Dtos.DayView getOfficerDay(@QueryParam("date") String date) {
        LocalDate day = Views.date("date", date, planner.today());
        List<Dtos.AppointmentView> waiting = new ArrayList<>();
        Map<Integer, List<Dtos.AppointmentView>> byCounter = new TreeMap<>();
        for (Appointment a : queries.day(day)) {
            if (a.counter == null) {
                waiting.add(views.view(a));
            } else {
                byCounter.computeIfAbsent(a.counter, c -> new ArrayList<>()).add(views.view(a));
            }
        }
        return new Dtos.DayView(day.toString(), queries.countersOn(day), waiting, byCounter.entrySet().stream()
                .map(e -> new Dtos.CounterDay(e.getKey(), e.getValue())).toList());
    }
}
