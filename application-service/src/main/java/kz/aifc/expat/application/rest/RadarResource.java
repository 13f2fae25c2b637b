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
import kz.aifc.expat.application.rest.Dtos.RadarItem;
import kz.aifc.expat.application.service.ApplicationService;
import kz.aifc.expat.application.service.CompanyService;
import kz.aifc.expat.application.service.ServiceAccounts;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/radar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "radar")
public class RadarResource {

    @Inject
    ApplicationService applications;

    @Inject
    CompanyService companies;

    @Inject
    CallerContext caller;

    @GET
    @Path("/visa-expiry")
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN, ServiceAccounts.NOTIFIER})
    @Operation(summary = "People whose visa/permit enters its extension window (30..5 working days before expiry) "
            + "within N days, with the window's first and last day (company-hr: own company; staff: ?companyBin)")
    public List<RadarItem> visaExpiry(@QueryParam("withinDays") @DefaultValue("30") @Min(0) @Max(366) int within,
                                      @QueryParam("companyBin") String companyBin) {
        String bin;
        if (caller.isStaff() || caller.hasRole(ServiceAccounts.NOTIFIER)) {
            if (companyBin == null) {
                throw ProblemException.badRequest("companyBin", "staff must name the company");
            }
            bin = companies.visible(companyBin).bin;
        } else {
            bin = companies.mine().bin;
        }
        return applications.radar(bin, within).stream().map(e -> new RadarItem(e.person().id,
                e.person().firstName, e.person().lastName, e.person().visaType, e.person().visaCategory,
                e.person().visaNumber, e.person().visaExpires, e.window().firstDay(), e.window().lastDay(),
                e.open())).toList();
    }
}
