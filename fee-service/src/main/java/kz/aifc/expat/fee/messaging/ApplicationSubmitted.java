package kz.aifc.expat.fee.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;

/** fee-service's copy of application-service's {@code application.submitted} (docs/CONTRACTS.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSubmitted(String applicationId, String companyBin, String serviceCode, String catalogVersion,
                                   OffsetDateTime submittedAt, Person person, Profile profile, List<String> options,
                                   String principalApplicationId) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String personId, String firstName, String lastName, String passportNumber,
                         String citizenship) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(String legalForm, String applicantType, String visaCategory, Integer childAge,
                          String variant, String entity) {
    }
}
