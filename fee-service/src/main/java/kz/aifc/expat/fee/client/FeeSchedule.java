package kz.aifc.expat.fee.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/v1/services/{code}/fees?asOf=} of catalog-service; an absent fee means the guide states none,
 * {@code feesStated=false} that it publishes no fee at all. {@code language}: the language the catalog served.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeeSchedule(String serviceCode, String catalogVersion, Mrp mrp, List<VariantFee> serviceFees,
                          BigDecimal personalManagerFee, BigDecimal priorityFee, BigDecimal stateDutyMrp,
                          BigDecimal stateDutyAmount, String stateDutyBasis, ProcessingTime processingTime,
                          List<String> notes, Boolean feesStated, List<PaymentDocument> paymentDocuments,
                          String language) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VariantFee(String variant, String title, BigDecimal amount) {
    }

    /** {@code kind} = WORKING_DAYS | WORKING_DAYS_RANGE | MINUTES. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcessingTime(String kind, Integer min, Integer max) {
    }

    /** A receipt the service's checklist asks for; {@code paymentOf} = STATE_DUTY | SERVICE_FEE. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PaymentDocument(String documentCode, String title, String paymentOf) {
    }
}
