package kz.aifc.expat.fee.rest;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.aifc.expat.fee.model.LineType;

import java.math.BigDecimal;

/**
 * A payment confirmation. {@code reference} is the payment's identity (e.g. the bank transaction id);
 * {@code lineType} optionally designates the line paid (e.g. STATE_DUTY), otherwise lines are covered in order.
 */
public record PaymentRequest(
        @NotBlank @Size(max = 200) String reference,
        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        LineType lineType) {
}
