package kz.aifc.expat.fee.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import kz.aifc.expat.defaults.openapi.ContractFilter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A priced quote: lines (each with its legal basis), total, and the expected completion date. {@code total} is
 * null (and {@code feesPublished} false) when the guide publishes no fee for the service: unknown, not free;
 * {@code provisional} when a state duty is priced with an earlier year's MRP because the tariff year's is not
 * published. {@code countedFrom}: the event the processing time counts from ({@code ORIGINALS_RECEIVED}: the
 * {@code startDate} on which the originals are handed in). {@code language}: the language of every text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
public record QuoteView(String serviceCode, LocalDate asOf, String catalogVersion, String currency, MrpView mrp,
                        String variant, List<String> options, boolean feesPublished, boolean provisional,
                        List<LineView> lines, @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal total,
                        ProcessingTimeView processingTime, String countedFrom, LocalDate startDate,
                        CompletionView expectedCompletion, List<String> notes, String language) {

    /** {@code provisional}: the MRP of the tariff year is not published; this is the latest earlier year's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record MrpView(int year, BigDecimal amount, Boolean provisional) {
    }

    /**
     * {@code amount} null and {@code published} false: the guide publishes no amount for this payment;
     * {@code paymentDocument}: the receipt the checklist asks for it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record LineView(String type, String description,
                           @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal amount, String basis, boolean waived,
                           String waiverReason, boolean published, boolean provisional,
                           PaymentDocumentView paymentDocument) {
    }

    public record PaymentDocumentView(String documentCode, String title) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record ProcessingTimeView(String kind, Integer min, Integer max) {
    }

    /** Earliest/latest completion date (equal unless the processing time is a range). */
    public record CompletionView(LocalDate earliest, LocalDate latest) {
    }
}
