package kz.aifc.expat.defaults.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.quarkus.security.identity.SecurityIdentity;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;
import java.util.TreeSet;

/** "Who am I, as this service sees me": lets a partner integrator check its token's roles and company. */
@Path("/api/v1/me")
@Tag(name = "caller", description = "Who the token says the caller is")
public class CallerResource {

    public record CallerView(String subject, String name, Set<String> roles, String companyBin) {
    }

    @Inject
    CallerContext caller;

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPLICANT, Roles.COMPANY_HR, Roles.OFFICER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "The caller as this service sees it (roles: any authenticated role)")
    public CallerView getCaller() {
        return new CallerView(caller.subject(), caller.actorName(), new TreeSet<>(identity.getRoles()),
                caller.companyBin().orElse(null));
    }
}
