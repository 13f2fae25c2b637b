package kz.aifc.expat.fee.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;

@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationWithdrawn(String applicationId, String companyBin, OffsetDateTime at) {
}
