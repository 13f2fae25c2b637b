package kz.aifc.expat.scheduling.rest;

import jakarta.annotation.security.PermitAll;
import kz.aifc.expat.defaults.ratelimit.RateLimitPlan;
import kz.aifc.expat.defaults.ratelimit.RateLimited;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.scheduling.config.SchedulingConfig;
import kz.aifc.expat.scheduling.service.ScheduleQueries;
import kz.aifc.expat.scheduling.service.SlotPlanner;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/api/v1/slots")
@Tag(name = "slots", description = "Free visit times")
@Produces(MediaType.APPLICATION_JSON)
public class SlotResource {

    @Inject
    ScheduleQueries queries;

    @Inject
    SlotPlanner planner;

    @Inject
    SchedulingConfig config;

    @Inject
    Views views;

    @GET
    @PermitAll
    @RateLimited(RateLimitPlan.PUBLIC_READ)
    @Operation(summary = "Bookable visit slots of a service with remaining seats (anonymous)")
    public Dtos.SlotList listSlots(@QueryParam("serviceCode") String serviceCode, @QueryParam("from") String from,
                               @QueryParam("to") String to) {
        if (serviceCode == null || !serviceCode.matches("[a-z0-9-]{1,80}")) {
            throw ProblemException.badRequest("serviceCode", "is required (a kebab-case service code)");
        }
        LocalDate today = planner.today();
        LocalDate first = Views.date("from", from, today);
        LocalDate last = Views.date("to", to, first.plusDays(6));
        if (last.isBefore(first)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (last.toEpochDay() - first.toEpochDay() > 62) {
            throw ProblemException.badRequest("to", "at most 62 days per request");
        }
        return new Dtos.SlotList(serviceCode, config.slotMinutesFor(serviceCode), planner.zone().getId(),
                queries.freeSlots(serviceCode, first, last).stream()
                        .map(s -> new Dtos.SlotView(views.time(s.slot().start().toOffsetDateTime()),
                                views.time(s.slot().end().toOffsetDateTime()), s.capacity(), s.remaining()))
                        .toList());
    }
}
