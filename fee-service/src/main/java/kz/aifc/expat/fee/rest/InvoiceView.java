package kz.aifc.expat.fee.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import kz.aifc.expat.defaults.openapi.ContractFilter;
import com.fasterxml.jackson.annotation.JsonInclude;
import kz.aifc.expat.fee.model.Invoice;
import kz.aifc.expat.fee.model.InvoiceLine;
import kz.aifc.expat.fee.service.InvoiceService;
import kz.aifc.expat.fee.service.InvoiceTexts;
import kz.aifc.expat.fee.service.Lang;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as frozen at submission, with its payments and refund record, its texts in {@code language}.
 * {@code total}/{@code outstanding} null with {@code feesPublished=false} (status FEE_NOT_PUBLISHED): the guide
 * publishes no fee, nothing is payable and nothing is paid. {@code provisional}: a state duty line is priced with
 * an earlier year's MRP and cannot be paid until the MRP of {@code provisionalYear} is published.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
public record InvoiceView(UUID id, String applicationId, String companyBin, String serviceCode, String catalogVersion,
                          LocalDate tariffDate, QuoteView.MrpView mrp, PersonView person, String variant,
                          List<String> options, String currency, boolean feesPublished, boolean provisional,
                          Integer provisionalYear, List<InvoiceLineView> lines,
                          @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal total, BigDecimal paid,
                          @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal outstanding, String status,
                          OffsetDateTime issuedAt, OffsetDateTime paidAt, CancellationView cancellation,
                          List<PaymentView> payments, String notes, String language) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record PersonView(String personId, String passportNumber, String citizenship) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record InvoiceLineView(String type, String description,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal amount, BigDecimal paid,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal outstanding, String basis,
                                  boolean waived, String waiverReason, boolean published, boolean provisional,
                                  QuoteView.PaymentDocumentView paymentDocument) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record CancellationView(OffsetDateTime at, String reason, BigDecimal refundAmount,
                                   OffsetDateTime refundedAt, String refundedBy, String refundReference) {
    }

    public static InvoiceView of(Invoice i, Lang lang) {
        List<String> notes = InvoiceTexts.notes(i, lang);
        return new InvoiceView(i.id, i.applicationId, i.companyBin, i.serviceCode, i.catalogVersion, i.tariffDate,
                i.mrpYear == null ? null : new QuoteView.MrpView(i.mrpYear, i.mrpAmount,
                        i.provisionalYear != null ? Boolean.TRUE : null),
                new PersonView(i.personId, i.passportNumber, i.citizenship), i.variant,
                InvoiceService.optionList(i), i.currency, i.feesPublished, i.provisionalYear != null,
                i.provisionalYear, i.lines.stream().map(l -> line(l, lang)).toList(),
                i.total, i.paidAmount, i.outstanding(), i.status.name(), i.issuedAt, i.paidAt,
                i.cancelledAt == null ? null : new CancellationView(i.cancelledAt, i.cancellationReason,
                        i.refundAmount, i.refundedAt, i.refundedBy, i.refundReference),
                i.payments.stream().map(PaymentView::of).toList(),
                notes == null || notes.isEmpty() ? null : String.join("; ", notes), lang.tag());
    }

    private static InvoiceLineView line(InvoiceLine l, Lang lang) {
        InvoiceTexts.LineText text = InvoiceTexts.line(l, lang);
        return new InvoiceLineView(l.type.name(), text.description(), l.amount, l.paidAmount, l.outstanding(),
                text.basis(), l.waived, text.waiverReason(), l.published, l.provisional,
                l.paymentDocumentCode == null ? null
                        : new QuoteView.PaymentDocumentView(l.paymentDocumentCode, text.paymentDocumentTitle()));
    }
}
