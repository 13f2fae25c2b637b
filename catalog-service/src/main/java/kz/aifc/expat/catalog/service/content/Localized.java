package kz.aifc.expat.catalog.service.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;

/** A text in Russian and English (Kazakh optional; it falls back to Russian). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Localized(@NotBlank String ru, @NotBlank String en, String kk) {

    public String in(Lang lang) {
        return switch (lang) {
            case EN -> en;
            case KK -> kk != null && !kk.isBlank() ? kk : ru;
            default -> ru;
        };
    }
}
