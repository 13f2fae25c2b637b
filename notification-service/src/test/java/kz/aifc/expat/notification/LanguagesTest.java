package kz.aifc.expat.notification;

import kz.aifc.expat.notification.service.Languages;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The documented fallback order: the recipient's language, then the configured default, then English. */
class LanguagesTest {

    static final Set<String> ALL = Set.of("kk", "ru", "en");

    @Test
    void theRecipientsOwnLanguageWinsWhenTheTemplateHasIt() {
        assertEquals("kk", Languages.choose("kk", "ru", ALL::contains));
        assertEquals("ru", Languages.choose(" RU ", "en", ALL::contains));
    }

    @Test
    void noOrAnUnsupportedLanguageFallsBackToTheDefault() {
        assertEquals("ru", Languages.choose(null, "ru", ALL::contains));
        assertEquals("ru", Languages.choose("", "ru", ALL::contains));
        assertEquals("kk", Languages.choose("de", "kk", ALL::contains));
    }

    @Test
    void aTemplateMissingInTheRecipientsAndTheDefaultLanguageFallsBackToEnglish() {
        Set<String> englishOnly = Set.of("en");
        assertEquals("en", Languages.choose("kk", "ru", englishOnly::contains));
        Set<String> noKazakh = Set.of("ru", "en");
        assertEquals("ru", Languages.choose("kk", "ru", noKazakh::contains));
        assertEquals("en", Languages.choose("kk", "kk", noKazakh::contains));
    }

    @Test
    void noTemplateAtAllIsAnError() {
        assertThrows(IllegalStateException.class, () -> Languages.choose("kk", "ru", l -> false));
    }
}
