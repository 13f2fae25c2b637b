package kz.aifc.expat.fee.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A priced quote: lines (each with its legal basis), total, and the expected completion date. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuoteView(String serviceCode, LocalDate asOf, String catalogVersion, String currency, MrpView mrp,
                        String variant, List<String> options, List<LineView> lines, BigDecimal total,
                        ProcessingTimeView processingTime, LocalDate startDate, CompletionView expectedCompletion,
                        List<String> notes) {

    public record MrpView(int year, BigDecimal amount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineView(String type, String description, BigDecimal amount, String basis, boolean waived,
                           String waiverReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProcessingTimeView(String kind, Integer min, Integer max) {
    }

    /** Earliest/latest completion date (equal unless the processing time is a range). */
    public record CompletionView(LocalDate earliest, LocalDate latest) {
    }
}
