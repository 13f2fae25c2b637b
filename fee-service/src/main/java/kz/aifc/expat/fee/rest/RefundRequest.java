package kz.aifc.expat.fee.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The officer's record that the refund was paid back ({@code reference} of the outgoing transfer). */
public record RefundRequest(@NotBlank @Size(max = 200) String reference) {
}
