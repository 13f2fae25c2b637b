package kz.aifc.expat.application.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import kz.aifc.expat.defaults.security.Roles;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Who may be assigned a case: an enabled user holding the realm role {@code officer} in Keycloak, the one place
 * officers are managed (security finding #14.15: assigning to a name nobody holds locked the case for everyone but
 * admins). Answers are cached for a minute per name ({@code quarkus.cache.caffeine."officers"}); Keycloak down
 * surfaces as "dependency down" (503), never as an assignment to an unchecked name.
 */
@ApplicationScoped
public class OfficerDirectory {

    @Inject
    @RestClient
    KeycloakAdminApi api;

    /** Whether an enabled user of that exact username holds the officer role (effective: composites, groups). */
    @CacheResult(cacheName = "officers")
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.75, delay = 5000, successThreshold = 1)
    public boolean isOfficer(String username) {
        try {
            for (JsonNode user : api.usersByUsername(username, true, true)) {
                if (username.equals(user.path("username").asText()) && user.path("enabled").asBoolean(false)) {
                    for (JsonNode role : api.effectiveRealmRoles(user.path("id").asText())) {
                        if (Roles.OFFICER.equals(role.path("name").asText())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            throw new ProcessingException("Keycloak's admin API answered HTTP " + status, e);
        }
    }
}
