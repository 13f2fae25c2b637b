package kz.aifc.expat.fee.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;

@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationStatusChanged(String applicationId, String companyBin, String serviceCode, String from,
                                       String to, String actor, OffsetDateTime at, String comment) {
}
