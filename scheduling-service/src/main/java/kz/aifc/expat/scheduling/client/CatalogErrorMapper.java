package kz.aifc.expat.scheduling.client;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;
import org.jboss.logging.Logger;

/**
 * 4xx from the catalog → {@link CatalogRefusedException} (an answer); 5xx → {@link CatalogUnavailableException} (a
 * failure the breaker counts). The catalog's body is only logged, shortened: it never reaches this service's callers.
 */
public class CatalogErrorMapper implements ResponseExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(CatalogErrorMapper.class);

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        try {
            if (response.hasEntity()) {
                String body = response.readEntity(String.class);
                LOG.warnf("catalog-service answered %d: %s", status,
                        body.length() <= 300 ? body : body.substring(0, 300) + "…");
            }
        } catch (RuntimeException ignored) {
            // the status is what matters
        }
        String detail = "catalog-service answered " + status;
        return status >= 500 ? new CatalogUnavailableException(detail) : new CatalogRefusedException(status, detail);
    }
}
