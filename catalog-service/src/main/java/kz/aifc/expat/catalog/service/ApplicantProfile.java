package kz.aifc.expat.catalog.service;

/**
 * Who applies, as far as the checklist cares (see docs/CONTRACTS.md). Defaults: a company host, a principal
 * applicant. {@code visaCategory} is normalised to Latin letters (the guide writes «В2» in Cyrillic).
 */
public record ApplicantProfile(String legalForm, String applicantType, String visaCategory, Integer childAge,
                               String variant, String entity) {

    public String legalFormOrDefault() {
        return legalForm == null ? "COMPANY" : legalForm;
    }

    public String applicantTypeOrDefault() {
        return applicantType == null ? "PRINCIPAL" : applicantType;
    }

    public static String normaliseCategory(String category) {
        if (category == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : category.trim().toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            sb.append(switch (ch) {
                case 'А' -> 'A';
                case 'В' -> 'B';
                case 'С' -> 'C';
                default -> ch;
            });
        }
        return sb.toString();
    }
}
