package kz.aifc.expat.catalog.service.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Languages of catalogue texts; chosen by Accept-Language, Russian by default. */
public enum Lang {
    RU, EN, KK;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The languages to try, best first, from the caller's acceptable languages (already ordered by q-value, as
     * JAX-RS {@code HttpHeaders.getAcceptableLanguages()} returns them), always ending with Russian, the language
     * every text has. A wildcard stands for the default (Russian); unsupported languages are skipped.
     */
    public static List<Lang> candidates(List<Locale> acceptable) {
        List<Lang> out = new ArrayList<>();
        if (acceptable != null) {
            for (Locale locale : acceptable) {
                Lang lang = of(locale);
                if (lang != null && !out.contains(lang)) {
                    out.add(lang);
                }
            }
        }
        if (!out.contains(RU)) {
            out.add(RU);
        }
        return List.copyOf(out);
    }

    private static Lang of(Locale locale) {
        if (locale == null) {
            return null;
        }
        String primary = locale.getLanguage().toLowerCase(Locale.ROOT);
        return switch (primary) {
            case "ru" -> RU;
            case "en" -> EN;
            case "kk" -> KK;
            case "*", "" -> RU;
            default -> null;
        };
    }

    /**
     * Thrown while rendering a response in a language one of its texts lacks (only Kazakh is optional): the
     * response is then rendered in the caller's next language instead of mixing languages under one label.
     */
    public static final class Missing extends RuntimeException {
        public Missing() {
            super("text not available in this language", null, false, false);
        }
    }
}
