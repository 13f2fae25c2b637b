package kz.aifc.expat.document.storage;

/** Every store slot stayed taken for the bounded wait: the store is busy, not down (503, retry shortly). */
public class StoreBusyException extends StoreUnavailableException {

    public StoreBusyException() {
        super("every store slot is taken", null);
    }
}
