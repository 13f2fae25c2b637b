package kz.aifc.expat.fee.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.fee.client.FeeSchedule;
import kz.aifc.expat.fee.messaging.FeeEvents;
import kz.aifc.expat.fee.model.Invoice;
import kz.aifc.expat.fee.model.InvoiceLine;
import kz.aifc.expat.fee.model.InvoiceStatus;
import kz.aifc.expat.fee.model.LineType;
import kz.aifc.expat.fee.model.Payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Payment confirmation. A payment reference identifies one payment: the same reference for the same invoice and
 * amount is answered with the recorded payment (no second payment); the same reference with another invoice or
 * amount is a 409. Partial payments are recorded; the invoice is PAID once every line is covered. A payment may
 * name the line it pays (e.g. the state duty, for which the guide asks for a separate payment document).
 */
@ApplicationScoped
public class PaymentService {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    InvoiceService invoices;

    public record Confirmation(Payment payment, boolean replayed) {
    }

    /** {@code finalTariff}: {@link InvoiceService#finalTariff}, asked before any transaction of the request opened. */
    @Transactional
    public Confirmation confirm(UUID invoiceId, String reference, BigDecimal amount, LineType lineType,
                                String channel, String actor, java.util.function.Predicate<Invoice> visible,
                                Optional<FeeSchedule> finalTariff) {
        Invoice invoice = Invoice.findById(invoiceId, LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null || !visible.test(invoice)) {
            throw ProblemException.notFound("Invoice", invoiceId);
        }
        String ref = reference.trim();
        BigDecimal value = FeeCalculator.money(amount);
        Payment existing = Payment.findByReference(invoice.companyBin, ref);
        if (existing != null) {
            if (!existing.invoice.id.equals(invoice.id)) {
                throw ProblemException.conflict("payment-reference-used", "Payment reference already used",
                        "The payment reference '" + ref + "' is already recorded for another invoice of the company");
            }
            if (existing.amount.compareTo(value) != 0 || existing.lineType != lineType) {
                throw ProblemException.conflict("payment-reference-used", "Payment reference already used",
                        "The payment reference '" + ref + "' is already recorded on this invoice with amount "
                                + existing.amount + (existing.lineType == null ? "" : " for " + existing.lineType));
            }
            return new Confirmation(existing, true);
        }
        if (invoice.status == InvoiceStatus.PAID) {
            throw ProblemException.ruleViolated("invoice-already-paid", "Invoice " + invoice.id
                    + " is fully paid; nothing is outstanding").with("currentState", invoice.status.name());
        }
        if (invoice.status == InvoiceStatus.REFUNDED) {
            throw ProblemException.ruleViolated("invoice-closed", "Invoice " + invoice.id
                    + " was cancelled and refunded; no further payment is accepted")
                    .with("currentState", invoice.status.name());
        }
        if (!invoice.feesPublished) {
            // unknown is not free, and not payable either: nothing here says what the amount is
            throw ProblemException.ruleViolated("fee-not-published", "The guide publishes no fee for "
                            + invoice.serviceCode + "; invoice " + invoice.id + " has no amount a payment could be "
                            + "recorded against").with("currentState", invoice.status.name())
                    .with("serviceCode", invoice.serviceCode);
        }
        invoices.finaliseProvisional(invoice, finalTariff);
        allocate(invoice, value, lineType);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.invoice = invoice;
        payment.reference = ref;
        payment.companyBin = invoice.companyBin;
        payment.amount = value;
        payment.lineType = lineType;
        payment.channel = channel;
        payment.receivedBy = actor;
        payment.receivedAt = now;
        invoice.payments.add(payment);
        invoice.paidAmount = invoice.paidAmount.add(value);
        try {
            payment.persist();
            em.flush();
        } catch (PersistenceException e) {
            // a concurrent request recorded the same reference first (unique constraint)
            throw ProblemException.conflict("payment-reference-used", "Payment reference already used",
                    "The payment reference '" + ref + "' was recorded concurrently; retry to see the result");
        }
        outbox.publish(FeeEvents.TOPIC, FeeEvents.PAYMENT_RECEIVED, invoice.applicationId,
                new FeeEvents.PaymentReceived(invoice.id.toString(), invoice.applicationId, invoice.companyBin,
                        payment.id.toString(), payment.reference, payment.amount));
        if (invoice.status == InvoiceStatus.CANCELLED || invoice.status == InvoiceStatus.REFUND_DUE) {
            // money arrived for a withdrawn application: it is owed back
            invoice.status = InvoiceStatus.REFUND_DUE;
            invoice.refundAmount = invoice.paidAmount;
        } else if (invoice.lines.stream().allMatch(l -> l.outstanding().signum() == 0)) {
            invoice.status = InvoiceStatus.PAID;
            invoice.paidAt = now;
            outbox.publish(FeeEvents.TOPIC, FeeEvents.INVOICE_PAID, invoice.applicationId,
                    new FeeEvents.InvoicePaid(invoice.id.toString(), invoice.applicationId, invoice.companyBin, now));
        } else {
            invoice.status = InvoiceStatus.PARTIALLY_PAID;
        }
        return new Confirmation(payment, false);
    }

    /** Adds the amount to the designated line, or to the lines in order; more than is outstanding is refused. */
    private static void allocate(Invoice invoice, BigDecimal amount, LineType lineType) {
        if (lineType != null) {
            InvoiceLine line = invoice.lines.stream().filter(l -> l.type == lineType).findFirst()
                    .orElseThrow(() -> ProblemException.ruleViolated("line-not-on-invoice", "Invoice " + invoice.id
                            + " has no " + lineType + " line; its lines are "
                            + invoice.lines.stream().map(l -> l.type.name()).toList()).with("lineType",
                            lineType.name()));
            if (line.provisional) {
                throw mrpNotPublished(invoice);
            }
            if (amount.compareTo(line.outstanding()) > 0) {
                throw overpayment(amount, line.outstanding(), lineType.name());
            }
            line.paidAmount = line.paidAmount.add(amount);
            return;
        }
        // a provisional line is not payable: an undesignated payment covers the final lines only
        List<InvoiceLine> lines = invoice.lines.stream().filter(l -> !l.provisional).toList();
        BigDecimal outstanding = lines.stream().map(InvoiceLine::outstanding)
                .reduce(FeeCalculator.money(BigDecimal.ZERO), BigDecimal::add);
        if (amount.compareTo(outstanding) > 0) {
            if (invoice.provisionalYear != null) {
                throw mrpNotPublished(invoice);
            }
            throw overpayment(amount, outstanding, "the invoice");
        }
        BigDecimal rest = amount;
        for (InvoiceLine line : lines) {
            if (rest.signum() == 0) {
                break;
            }
            BigDecimal part = rest.min(line.outstanding());
            line.paidAmount = line.paidAmount.add(part);
            rest = rest.subtract(part);
        }
    }

    private static ProblemException mrpNotPublished(Invoice invoice) {
        return ProblemException.ruleViolated("mrp-not-published", "The MRP for " + invoice.provisionalYear
                        + " is not published yet: the state duty of invoice " + invoice.id + " is provisional (priced "
                        + "with the MRP of " + invoice.mrpYear + ") and cannot be paid until it is")
                .with("year", invoice.provisionalYear);
    }

    private static ProblemException overpayment(BigDecimal amount, BigDecimal outstanding, String what) {
        return ProblemException.ruleViolated("overpayment", "The amount " + amount + " exceeds what is outstanding on "
                + what + " (" + outstanding + ")").with("outstanding", outstanding);
    }
}
