package kz.aifc.expat.document.storage;

/** The object store cannot be reached or refused an operation: the client may retry (503). */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
