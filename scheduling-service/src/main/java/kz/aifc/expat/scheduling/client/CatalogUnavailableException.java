package kz.aifc.expat.scheduling.client;

/** catalog-service answered 5xx: a failure of the catalog (retried, counted by the circuit breaker). */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String detail) {
        super(detail);
    }
}
