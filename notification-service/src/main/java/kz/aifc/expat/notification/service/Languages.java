package kz.aifc.expat.notification.service;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which language a message is written in. Order: (1) the recipient's own language — a company contact always has
 * one, a person may; (2) the configured default language ({@code expat.notification.default-language}, en);
 * (3) English. At each step a language counts only if the template exists in it, so a template added in fewer
 * languages still reaches everyone, and never in a language its file is not written in.
 */
public final class Languages {

    public static final Set<String> SUPPORTED = Set.of("kk", "ru", "en");

    private Languages() {
    }

    public static String choose(String recipientLanguage, String defaultLanguage, Predicate<String> templateExists) {
        for (String candidate : java.util.Arrays.asList(normalise(recipientLanguage), normalise(defaultLanguage), "en")) {
            if (candidate != null && SUPPORTED.contains(candidate) && templateExists.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no template in any of " + List.of(recipientLanguage, defaultLanguage, "en"));
    }

    private static String normalise(String language) {
        return language == null || language.isBlank() ? null : language.trim().toLowerCase(Locale.ROOT);
    }
}
