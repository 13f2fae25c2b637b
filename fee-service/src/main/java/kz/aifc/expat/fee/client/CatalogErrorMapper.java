package kz.aifc.expat.fee.client;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** 4xx from the catalog → {@link CatalogRefusedException}; 5xx → {@link CatalogUnavailableException}. */
public class CatalogErrorMapper implements ResponseExceptionMapper<RuntimeException> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        String body = null;
        try {
            if (response.hasEntity()) {
                body = response.readEntity(String.class);
            }
        } catch (RuntimeException ignored) {
            // the status is what matters
        }
        String detail = "catalog-service answered " + status + (body == null ? "" : ": " + abbreviate(body));
        return status >= 500 ? new CatalogUnavailableException(detail) : new CatalogRefusedException(status, detail);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
