package kz.aifc.expat.fee.rest;

import java.math.BigDecimal;

/** Answer to a payment confirmation: the payment and the invoice's state after it. */
public record PaymentConfirmation(PaymentView payment, boolean alreadyRecorded, String invoiceStatus,
                                  BigDecimal invoicePaid, BigDecimal invoiceOutstanding) {
}
