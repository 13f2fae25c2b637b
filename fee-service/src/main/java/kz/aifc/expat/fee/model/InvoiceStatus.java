package kz.aifc.expat.fee.model;

public enum InvoiceStatus {
    ISSUED, PARTIALLY_PAID, PAID,
    /**
     * The guide publishes no fee for the service: nothing can be paid against it (the amount is unknown, not zero)
     * and it is not paid either.
     */
    FEE_NOT_PUBLISHED,
    /** Application withdrawn/cancelled before anything was paid. */
    CANCELLED,
    /** Application withdrawn/cancelled after a payment: the paid amount is owed back. */
    REFUND_DUE,
    REFUNDED;

    public boolean isClosed() {
        return this == CANCELLED || this == REFUND_DUE || this == REFUNDED;
    }
}
