package kz.aifc.expat.fee.client;

import jakarta.ws.rs.ProcessingException;

/**
 * catalog-service answered with a 5xx. A {@link ProcessingException} so the shared problem mappers and the inbox
 * treat it as "a dependency is down" (503 / retry) like a refused connection.
 */
public class CatalogUnavailableException extends ProcessingException {

    public CatalogUnavailableException(String message) {
        super(message);
    }
}
