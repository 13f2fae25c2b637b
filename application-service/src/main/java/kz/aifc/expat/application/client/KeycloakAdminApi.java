package kz.aifc.expat.application.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The realm's admin API, read-only, with application-service's own service account (client credentials; realm
 * management role {@code view-users} and nothing else: listing a role's members would need {@code view-realm}). Base URL: {@code <keycloak>/admin/realms/<realm>}.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakAdminApi {

    /** Users by exact username (brief representation: id, username, enabled, ...). */
    @GET
    @Path("/users")
    JsonNode usersByUsername(@QueryParam("username") String username, @QueryParam("exact") boolean exact,
                             @QueryParam("briefRepresentation") boolean brief);

    /** The user's effective realm roles (direct, composite and through groups). */
    @GET
    @Path("/users/{id}/role-mappings/realm/composite")
    JsonNode effectiveRealmRoles(@PathParam("id") String userId);
}
