package kz.aifc.expat.fee.client;

/** catalog-service answered with a 4xx: the request itself is wrong (unknown service, bad date), not the catalog. */
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
