package kz.aifc.expat.fee.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Languages of quote and invoice texts, with the catalogue's rule: one response is in one language, the first of the
 * caller's languages in which all its texts exist, finally Russian (the language every catalogue text has).
 */
public enum Lang {
    RU, EN, KK;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Lang ofTag(String tag) {
        if (tag == null) {
            return null;
        }
        return switch (tag.trim().toLowerCase(Locale.ROOT)) {
            case "ru" -> RU;
            case "en" -> EN;
            case "kk" -> KK;
            default -> null;
        };
    }

    /** The caller's languages best first (as JAX-RS orders them by q), unsupported ones skipped, ending with RU. */
    public static List<Lang> candidates(List<Locale> acceptable) {
        List<Lang> out = new ArrayList<>();
        if (acceptable != null) {
            for (Locale locale : acceptable) {
                String primary = locale == null ? null : locale.getLanguage();
                Lang lang = "*".equals(primary) || "".equals(primary) ? RU : ofTag(primary);
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

    /** The candidates as an Accept-Language header for catalog-service, which applies the same rule. */
    public static String header(List<Lang> candidates) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            parts.add(candidates.get(i).tag() + (i == 0 ? "" : ";q=" + String.format(Locale.ROOT, "%.1f",
                    Math.max(0.1, 1.0 - 0.1 * i))));
        }
        return parts.stream().collect(Collectors.joining(", "));
    }
}
