package kz.aifc.expat.notification;

import kz.aifc.expat.notification.service.CaseTexts;
import kz.aifc.expat.notification.service.Languages;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** docs/CONTRACTS.md: application.completed's outcome kinds and application.rejected's reasons. */
    @Test
    void everyOutcomeKindAndRejectionReasonOfTheContractHasItsOwnWordsInEachLanguage() {
        List<String> kinds = List.of("VISA", "TEMPORARY_RESIDENCE", "PERMANENT_RESIDENCE", "IIN", "DOCUMENT");
        List<String> reasons = List.of("DOCUMENTS_INCOMPLETE", "DOCUMENTS_INVALID", "NOT_ELIGIBLE",
                "STATE_BODY_REFUSED", "SECURITY_CHECK_FAILED", "DUPLICATE_APPLICATION", "OTHER");
        for (String language : ALL) {
            Set<String> words = new HashSet<>();
            for (String kind : kinds) {
                assertNotEquals(kind, CaseTexts.kind(kind, language), language + " " + kind);
                assertTrue(words.add(CaseTexts.kind(kind, language)), language + " " + kind + " says the same");
            }
            for (String reason : reasons) {
                assertNotEquals(reason, CaseTexts.reason(reason, language), language + " " + reason);
                assertTrue(words.add(CaseTexts.reason(reason, language)), language + " " + reason + " says the same");
            }
        }
        // Kazakh and Russian words are not the English ones (Cyrillic script), except codes unknown to the table
        assertTrue(CaseTexts.reason("OTHER", "kk").matches("[\\p{IsCyrillic} ]+"));
        assertTrue(CaseTexts.reason("OTHER", "ru").matches("[\\p{IsCyrillic} ]+"));
        assertEquals("NEW_CODE", CaseTexts.reason("NEW_CODE", "kk"));
        assertEquals("NEW_CODE", CaseTexts.kind("NEW_CODE", "en"));
    }
}
