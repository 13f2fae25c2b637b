package kz.aifc.expat.document.model;

/** How a required document reaches the Expat Centre (catalog contract). */
public enum Delivery {
    UPLOAD, ORIGINAL_AT_VISIT, UPLOAD_AND_ORIGINAL;

    public boolean needsUpload() {
        return this != ORIGINAL_AT_VISIT;
    }
}
