package kz.aifc.expat.catalog.service.content;

import java.util.Locale;

/** Languages of catalogue texts; chosen by Accept-Language, Russian by default. */
public enum Lang {
    RU, EN, KK;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first supported language in an Accept-Language header (q-values honoured), else Russian. */
    public static Lang fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return RU;
        }
        Lang best = null;
        double bestQ = -1;
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            String tag = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
            Lang lang = switch (primary) {
                case "ru" -> RU;
                case "en" -> EN;
                case "kk" -> KK;
                default -> null;
            };
            if (lang != null && q > bestQ) {
                best = lang;
                bestQ = q;
            }
        }
        return best == null ? RU : best;
    }
}
