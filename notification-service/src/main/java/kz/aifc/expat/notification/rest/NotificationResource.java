package kz.aifc.expat.notification.rest;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.notification.model.Notification;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications", description = "E-mails and webhooks sent about a company's cases")
public class NotificationResource {

    @Inject
    CallerContext caller;

    @GET
    @RolesAllowed({Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN})
    @Operation(summary = "E-mails sent (or being sent) about applications, newest first: recipient, language, state "
            + "(company-hr and partner systems: their company's only — another company's application gives an empty "
            + "page; officers and admins: all, optionally ?companyBin=)")
    public Page<NotificationView> listNotifications(@QueryParam("applicationId") @Pattern(regexp = "[A-Za-z0-9-]{1,80}",
                                               message = "must be an application id") String applicationId,
                                       @QueryParam("companyBin") @Pattern(regexp = "\\d{12}",
                                               message = "must be 12 digits") String companyBin,
                                       @QueryParam("status") @Pattern(regexp = "QUEUED|SENT|FAILED",
                                               message = "QUEUED, SENT or FAILED") String status,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        String bin = caller.isStaff() ? companyBin : caller.requireCompanyBin();
        if (bin != null) {
            where.add("companyBin = :bin");
            p.and("bin", bin);
        }
        if (applicationId != null) {
            where.add("applicationId = :app");
            p.and("app", applicationId);
        }
        if (status != null) {
            where.add("status = :status");
            p.and("status", status);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = Notification.find(query, Sort.descending("createdAt").and("id"), p);
        List<NotificationView> items = found.page(page, size).<Notification>list().stream()
                .map(NotificationView::of).toList();
        return new Page<>(items, page, size, found.count());
    }
}
