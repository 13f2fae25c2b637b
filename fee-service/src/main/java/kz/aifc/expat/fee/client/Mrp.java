package kz.aifc.expat.fee.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** Monthly calculation index (МРП) of a year, in tenge. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Mrp(int year, BigDecimal amount) {
}
