package kz.aifc.expat.notification.service;

import java.util.Map;

/**
 * The words for the codes an outcome event carries (application-service's outcome kinds and rejection reasons,
 * docs/CONTRACTS.md), in each language a template is written in. Kept here rather than in the templates so the txt
 * and HTML part of a language cannot say different things; a code this table does not know yet (a newer
 * application-service) is shown as the code, never in another language.
 */
public final class CaseTexts {

    private static final Map<String, Map<String, String>> KINDS = Map.of(
            "kk", Map.of("VISA", "Виза",
                    "TEMPORARY_RESIDENCE", "Уақытша тұруға рұқсат",
                    "PERMANENT_RESIDENCE", "Тұрақты тұруға рұқсат",
                    "IIN", "ЖСН (жеке сәйкестендіру нөмірі)",
                    "DOCUMENT", "Құжат"),
            "ru", Map.of("VISA", "Виза",
                    "TEMPORARY_RESIDENCE", "Разрешение на временное проживание",
                    "PERMANENT_RESIDENCE", "Разрешение на постоянное проживание",
                    "IIN", "ИИН (индивидуальный идентификационный номер)",
                    "DOCUMENT", "Документ"),
            "en", Map.of("VISA", "Visa",
                    "TEMPORARY_RESIDENCE", "Temporary residence permit",
                    "PERMANENT_RESIDENCE", "Permanent residence permit",
                    "IIN", "IIN (individual identification number)",
                    "DOCUMENT", "Document"));

    private static final Map<String, Map<String, String>> REASONS = Map.of(
            "kk", Map.of("DOCUMENTS_INCOMPLETE", "Құжаттар толық емес",
                    "DOCUMENTS_INVALID", "Құжаттар жарамсыз",
                    "NOT_ELIGIBLE", "Өтініш беруші қызмет талаптарына сәйкес келмейді",
                    "STATE_BODY_REFUSED", "Мемлекеттік орган бас тартты",
                    "SECURITY_CHECK_FAILED", "Қауіпсіздік тексеруінен өтпеді",
                    "DUPLICATE_APPLICATION", "Өтінім басқа өтінімді қайталайды",
                    "OTHER", "Басқа себеп"),
            "ru", Map.of("DOCUMENTS_INCOMPLETE", "Неполный комплект документов",
                    "DOCUMENTS_INVALID", "Документы недействительны",
                    "NOT_ELIGIBLE", "Заявитель не соответствует условиям услуги",
                    "STATE_BODY_REFUSED", "Отказ государственного органа",
                    "SECURITY_CHECK_FAILED", "Проверка безопасности не пройдена",
                    "DUPLICATE_APPLICATION", "Заявка дублирует другую заявку",
                    "OTHER", "Иная причина"),
            "en", Map.of("DOCUMENTS_INCOMPLETE", "The documents are incomplete",
                    "DOCUMENTS_INVALID", "The documents are not valid",
                    "NOT_ELIGIBLE", "The applicant is not eligible for the service",
                    "STATE_BODY_REFUSED", "The state body refused",
                    "SECURITY_CHECK_FAILED", "The security check was not passed",
                    "DUPLICATE_APPLICATION", "The application duplicates another application",
                    "OTHER", "Another reason"));

    private CaseTexts() {
    }

    /** "Visa", "Виза", ... for an outcome kind; the code itself when unknown; null for null. */
    public static String kind(String code, String language) {
        return word(KINDS, code, language);
    }

    /** A rejection reason in the language; the code itself when unknown. */
    public static String reason(String code, String language) {
        return word(REASONS, code, language);
    }

    private static String word(Map<String, Map<String, String>> table, String code, String language) {
        if (code == null) {
            return null;
        }
        return table.getOrDefault(language, Map.of()).getOrDefault(code, code);
    }
}
