package kz.aifc.expat.scheduling.client;

/**
 * catalog-service answered 4xx: it refused the request (a date outside its calendar, ...). That is an answer about
 * the request, not a sign the catalog is down: never retried, never counted by the circuit breaker, never replaced
 * by a cached copy.
 */
public class CatalogRefusedException extends RuntimeException {

    private final int status;

    public CatalogRefusedException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
