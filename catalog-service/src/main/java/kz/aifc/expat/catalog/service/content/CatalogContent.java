package kz.aifc.expat.catalog.service.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import kz.aifc.expat.defaults.openapi.ContractFilter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The whole catalogue of one version: what {@code catalog_version.content} holds. Validated (Bean Validation plus
 * {@code ContentValidator}'s cross-references) before it is published.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
public record CatalogContent(@NotNull @Valid Guide guide, @NotNull @Valid Office office,
                             @NotEmpty List<@Valid @NotNull Group> groups,
                             @NotEmpty List<@Valid @NotNull DocumentDef> documents,
                             @NotNull List<@Valid @NotNull Process> processes,
                             @NotNull List<@Valid @NotNull Rule> rules,
                             @NotNull List<@Valid @NotNull Note> notes,
                             @NotEmpty List<@Valid @NotNull ServiceDef> services) {

    public static final String CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    public record Guide(@NotNull @Valid Localized title, @NotNull LocalDate effectiveFrom,
                        @NotBlank String currency) {
    }

    public record Office(@NotBlank String timeZone, @NotNull @Pattern(regexp = TIME) String opens,
                         @NotNull @Pattern(regexp = TIME) String closes,
                         @NotNull @Pattern(regexp = TIME) String lunchStart,
                         @NotNull @Pattern(regexp = TIME) String lunchEnd,
                         @NotEmpty List<java.time.@NotNull DayOfWeek> workingDays,
                         @NotNull @Valid Localized address, @NotBlank @Email String email,
                         @NotNull List<@Valid @NotNull Phone> phones) {
    }

    public record Phone(@NotBlank String number, String hours) {
    }

    public record Group(@NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]*$") String code, @Positive int order,
                        @NotNull @Valid Localized title) {
    }

    /** {@code paymentOf}: the document proves payment of that fee ({@code STATE_DUTY} or {@code SERVICE_FEE}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record DocumentDef(@NotBlank @Pattern(regexp = CODE) String code, @NotNull @Valid Localized title,
                              @Pattern(regexp = "^(STATE_DUTY|SERVICE_FEE)$") String paymentOf) {
    }

    public record Process(@NotBlank String code, @NotEmpty List<@Valid @NotNull Localized> steps) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record Rule(@NotBlank @Pattern(regexp = CODE) String code, @NotBlank String kind,
                       Map<String, JsonNode> params, @NotNull @Valid Localized text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record Note(@NotBlank @Pattern(regexp = CODE) String code, Integer delayCalendarDays,
                       @NotNull @Valid Localized text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record Step(@Positive int order, @NotNull Place place, boolean informational,
                       @NotNull @Valid Localized title, List<@Valid @NotNull Localized> items) {
        public enum Place {
            EXPAT_CENTRE, EMBASSY, STATE_BODY, ONLINE
        }
    }

    public record Validity(@NotNull @Positive Integer max, @NotNull Unit unit, @NotNull @Valid Localized text) {
        public enum Unit {
            YEARS, MONTHS, CALENDAR_DAYS, WORKING_DAYS
        }
    }

    /**
     * A service. Either {@code documents} or {@code documentsFrom} (another service whose list applies unchanged,
     * as the guide says for extensions). No {@code fees} means the guide states none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record ServiceDef(@NotBlank @Pattern(regexp = CODE) String code, @NotBlank String group,
                             @Positive int order, @NotNull @Valid Localized title,
                             @NotNull @Valid Localized description,
                             @NotNull List<@NotBlank String> visaCategories, boolean familyMembers,
                             @NotNull List<@NotBlank String> rules, @NotNull List<@NotBlank String> notes,
                             String applicationProcess, @NotNull List<@Valid @NotNull Step> steps,
                             @Valid Validity validity, List<@Valid @NotNull Requirement> documents,
                             String documentsFrom, @Valid Fees fees) {
    }
}
