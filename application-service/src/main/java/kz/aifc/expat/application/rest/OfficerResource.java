package kz.aifc.expat.application.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.aifc.expat.application.model.AppState;
import kz.aifc.expat.application.rest.Dtos.ApplicationView;
import kz.aifc.expat.application.rest.Dtos.Deadlines;
import kz.aifc.expat.application.rest.Dtos.Page;
import kz.aifc.expat.application.service.ApplicationQueries;
import kz.aifc.expat.application.service.DeadlineService;
import kz.aifc.expat.defaults.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/api/v1/officer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "officer", description = "Officers' work queue and deadlines")
public class OfficerResource {

    @Inject
    ApplicationQueries queries;

    @Inject
    DeadlineService deadlines;

    @Inject
    Views views;

    @GET
    @Path("/queue")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "The work queue, filtered by state, service, company, due date, assignee (officer)")
    public Page<ApplicationView> listWorkQueue(@QueryParam("state") AppState state,
                                       @QueryParam("serviceCode") String serviceCode,
                                       @QueryParam("companyBin") String companyBin,
                                       @QueryParam("dueBefore") LocalDate dueBefore,
                                       @QueryParam("assignee") String assignee,
                                       @QueryParam("unassigned") Boolean unassigned,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        ApplicationQueries.Found found = queries.list(new ApplicationQueries.Filter(companyBin, state,
                serviceCode, null, null, dueBefore, assignee, unassigned, page, size));
        return new Page<>(found.items().stream().map(views::of).toList(), page, size, found.total());
    }

    @GET
    @Path("/deadlines")
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "Overdue cases and cases due within N working days (officer); paused cases excluded")
    public Deadlines listDeadlines(@QueryParam("withinWorkingDays") @DefaultValue("2") @Min(0) @Max(60) int within,
                               @QueryParam("companyBin") String companyBin) {
        DeadlineService.Report r = deadlines.report(within, companyBin);
        return new Deadlines(r.today(), r.nearingUntil(), r.overdue().stream().map(Views::deadline).toList(),
                r.nearing().stream().map(Views::deadline).toList());
    }
}
