package kz.aifc.expat.catalog.service.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import kz.aifc.expat.defaults.openapi.ContractFilter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.util.List;

/**
 * Fee lines of a service as the guide prints them: the service fee per variant, the personal-manager fee (replaces
 * the service fee), the priority add-on (paid in addition) and the state duty as a multiple of the MRP.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
public record Fees(@NotEmpty List<@Valid @NotNull ServiceFee> serviceFees,
                   @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal personalManagerFee,
                   @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal priorityFee,
                   @DecimalMin("0") @Digits(integer = 6, fraction = 3) BigDecimal stateDutyMrp,
                   @Valid ProcessingTime processingTime) {

    public record ServiceFee(@NotBlank String variant, @Valid Localized title,
                             @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record ProcessingTime(@NotNull Kind kind, @NotNull @PositiveOrZero Integer min,
                                 @NotNull @Positive Integer max) {
        public enum Kind {
            WORKING_DAYS, WORKING_DAYS_RANGE, MINUTES
        }
    }
}
