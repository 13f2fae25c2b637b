package kz.aifc.expat.catalog.service.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import kz.aifc.expat.defaults.openapi.ContractFilter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** One document a service needs: how it is delivered and when it applies. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
public record Requirement(@NotBlank String document, @NotNull Delivery delivery, boolean notarised, boolean legalised,
                          @NotNull List<@Valid @NotNull Condition> conditions, @Valid Localized title,
                          @Valid Localized note) {

    public enum Delivery {
        UPLOAD, ORIGINAL_AT_VISIT, UPLOAD_AND_ORIGINAL
    }

    /** "If applicable" documents are listed but not mandatory. */
    public boolean optional() {
        return conditions.stream().anyMatch(c -> c.kind() == Condition.Kind.IF_APPLICABLE);
    }
}
