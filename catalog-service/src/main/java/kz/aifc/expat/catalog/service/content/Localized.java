package kz.aifc.expat.catalog.service.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import kz.aifc.expat.defaults.openapi.ContractFilter;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;

/** A text in Russian and English (Kazakh optional). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
public record Localized(@NotBlank String ru, @NotBlank String en, String kk) {

    /**
     * The text in {@code lang}. A missing Kazakh text throws {@link Lang.Missing} rather than returning Russian:
     * the caller renders the whole response in the fallback language, so nothing Russian is ever labelled kk.
     */
    public String in(Lang lang) {
        return switch (lang) {
            case EN -> en;
            case KK -> {
                if (kk == null || kk.isBlank()) {
                    throw new Lang.Missing();
                }
                yield kk;
            }
            default -> ru;
        };
    }

    /** A text the catalogue itself writes (not transcribed from the guide) in all three languages. */
    public static Localized of(String ru, String en, String kk) {
        return new Localized(ru, en, kk);
    }
}
