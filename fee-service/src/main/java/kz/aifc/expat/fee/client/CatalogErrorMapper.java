package kz.aifc.expat.fee.client;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;
import org.jboss.logging.Logger;

/**
 * 4xx from the catalog → {@link CatalogRefusedException}; 5xx → {@link CatalogUnavailableException}. The upstream
 * body never goes into the exception (whose message may reach a caller's problem detail): it is logged here,
 * shortened, for operators only (security finding #14.16).
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
                LOG.warnf("catalog-service answered %d: %s", status, abbreviate(response.readEntity(String.class)));
            }
        } catch (RuntimeException ignored) {
            // the status is what matters
        }
        String detail = "catalog-service answered " + status;
        return status >= 500 ? new CatalogUnavailableException(detail) : new CatalogRefusedException(status, detail);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
