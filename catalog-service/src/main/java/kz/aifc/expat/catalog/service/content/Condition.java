package kz.aifc.expat.catalog.service.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import kz.aifc.expat.defaults.openapi.ContractFilter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * When a document applies, as data. Several conditions on one requirement must all hold. Kinds:
 * {@code LEGAL_FORM_IN values}, {@code APPLICANT_TYPE value}, {@code VISA_CATEGORY_IN values},
 * {@code CHILD_AGE_BETWEEN min (inclusive) max (exclusive)}, {@code ENTITY value}, {@code IF_APPLICABLE}
 * (listed but optional).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
public record Condition(@NotNull Kind kind, String value, List<String> values, Integer min, Integer max) {

    public enum Kind {
        LEGAL_FORM_IN, APPLICANT_TYPE, VISA_CATEGORY_IN, CHILD_AGE_BETWEEN, ENTITY, IF_APPLICABLE
    }
}
