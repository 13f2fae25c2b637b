package kz.aifc.expat.fee.messaging;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Events fee-service publishes on topic {@code expat.fee} (key = applicationId). */
public final class FeeEvents {

    public static final String TOPIC = "expat.fee";
    public static final String INVOICE_ISSUED = "invoice.issued";
    public static final String PAYMENT_RECEIVED = "payment.received";
    public static final String INVOICE_PAID = "invoice.paid";

    /**
     * {@code total} null with {@code feesPublished=false}: the guide publishes no fee (unknown, not free);
     * {@code provisional}: the total contains a state duty priced with an earlier year's MRP.
     */
    public record InvoiceIssued(String invoiceId, String applicationId, String companyBin, BigDecimal total,
                                String currency, boolean feesPublished, boolean provisional) {
    }

    public record PaymentReceived(String invoiceId, String applicationId, String companyBin, String paymentId,
                                  String reference, BigDecimal amount) {
    }

    public record InvoicePaid(String invoiceId, String applicationId, String companyBin, OffsetDateTime paidAt) {
    }

    private FeeEvents() {
    }
}
