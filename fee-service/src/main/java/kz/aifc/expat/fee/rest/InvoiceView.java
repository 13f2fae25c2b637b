package kz.aifc.expat.fee.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import kz.aifc.expat.fee.model.Invoice;
import kz.aifc.expat.fee.model.Payment;
import kz.aifc.expat.fee.service.InvoiceService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An invoice as frozen at submission, with its payments and refund record. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceView(UUID id, String applicationId, String companyBin, String serviceCode, String catalogVersion,
                          LocalDate tariffDate, QuoteView.MrpView mrp, PersonView person, String variant,
                          List<String> options, String currency, List<InvoiceLineView> lines, BigDecimal total,
                          BigDecimal paid, BigDecimal outstanding, String status, OffsetDateTime issuedAt,
                          OffsetDateTime paidAt, CancellationView cancellation, List<PaymentView> payments,
                          String notes) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PersonView(String personId, String passportNumber, String citizenship) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InvoiceLineView(String type, String description, BigDecimal amount, BigDecimal paid,
                                  BigDecimal outstanding, String basis, boolean waived, String waiverReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CancellationView(OffsetDateTime at, String reason, BigDecimal refundAmount,
                                   OffsetDateTime refundedAt, String refundedBy, String refundReference) {
    }

    public static InvoiceView of(Invoice i) {
        return new InvoiceView(i.id, i.applicationId, i.companyBin, i.serviceCode, i.catalogVersion, i.tariffDate,
                i.mrpYear == null ? null : new QuoteView.MrpView(i.mrpYear, i.mrpAmount),
                new PersonView(i.personId, i.passportNumber, i.citizenship), i.variant,
                InvoiceService.optionList(i), i.currency,
                i.lines.stream().map(l -> new InvoiceLineView(l.type.name(), l.description, l.amount, l.paidAmount,
                        l.outstanding(), l.basis, l.waived, l.waiverReason)).toList(),
                i.total, i.paidAmount, i.outstanding(), i.status.name(), i.issuedAt, i.paidAt,
                i.cancelledAt == null ? null : new CancellationView(i.cancelledAt, i.cancellationReason,
                        i.refundAmount, i.refundedAt, i.refundedBy, i.refundReference),
                i.payments.stream().map(PaymentView::of).toList(), i.notes);
    }
}
