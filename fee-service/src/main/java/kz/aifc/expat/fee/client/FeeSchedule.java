package kz.aifc.expat.fee.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /api/v1/services/{code}/fees?asOf=} of catalog-service; an absent fee means the guide states none. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeeSchedule(String serviceCode, String catalogVersion, Mrp mrp, List<VariantFee> serviceFees,
                          BigDecimal personalManagerFee, BigDecimal priorityFee, BigDecimal stateDutyMrp,
                          BigDecimal stateDutyAmount, String stateDutyBasis, ProcessingTime processingTime,
                          List<String> notes) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VariantFee(String variant, String title, BigDecimal amount) {
    }

    /** {@code kind} = WORKING_DAYS | WORKING_DAYS_RANGE | MINUTES. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcessingTime(String kind, Integer min, Integer max) {
    }
}
