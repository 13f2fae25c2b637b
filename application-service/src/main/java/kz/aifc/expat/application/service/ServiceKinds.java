package kz.aifc.expat.application.service;

import java.util.Map;
import java.util.Set;

/**
 * What the rules at submission need to know about each service code of docs/CONTRACTS.md, transcribed from the 2026
 * guide. The catalog stays the source for existence, versions, fees and processing time; these are the eligibility
 * facts the rule engine applies (the catalog's own flags win where it states them, see SubmissionRules).
 */
public final class ServiceKinds {

    public static final Map<String, String> GROUP = Map.ofEntries(
            Map.entry("work-visa-invitation", "WORK_VISA"),
            Map.entry("work-visa-issuance", "WORK_VISA"),
            Map.entry("work-visa-extension", "WORK_VISA"),
            Map.entry("investor-visa-invitation", "INVESTOR_VISA"),
            Map.entry("investor-visa-issuance", "INVESTOR_VISA"),
            Map.entry("investor-visa-extension", "INVESTOR_VISA"),
            Map.entry("trp-employment", "TEMPORARY_RESIDENCE"),
            Map.entry("trp-business-immigrant-primary", "TEMPORARY_RESIDENCE"),
            Map.entry("trp-business-immigrant-extension", "TEMPORARY_RESIDENCE"),
            Map.entry("permanent-residence", "PERMANENT_RESIDENCE"),
            Map.entry("short-business-visa-invitation", "SHORT_TERM_BUSINESS_VISA"),
            Map.entry("short-business-visa-extension", "SHORT_TERM_BUSINESS_VISA"),
            Map.entry("long-business-visa-invitation", "LONG_TERM_BUSINESS_VISA"),
            Map.entry("long-business-visa-issuance", "LONG_TERM_BUSINESS_VISA"),
            Map.entry("business-immigrant-c5-multi-entry", "LONG_TERM_BUSINESS_VISA"),
            Map.entry("long-business-visa-extension", "LONG_TERM_BUSINESS_VISA"),
            Map.entry("visa-cancellation-departed", "VISA_CANCELLATION"),
            Map.entry("visa-cancellation-exit-visa", "VISA_CANCELLATION"),
            Map.entry("arrival-notification", "OTHER_MIGRATION_AND_TAX"),
            Map.entry("iin", "OTHER_MIGRATION_AND_TAX"),
            Map.entry("tax-residency-certificate", "OTHER_MIGRATION_AND_TAX"),
            Map.entry("digital-signature", "OTHER_MIGRATION_AND_TAX"),
            Map.entry("fingerprint-registration", "OTHER_MIGRATION_AND_TAX"));

    /** "Подать заявление можно от 30 до 5 рабочих дней до окончания текущей визы" + same host company. */
    public static final Set<String> EXTENSION_WINDOW = Set.of("work-visa-extension", "investor-visa-extension",
            "short-business-visa-extension", "long-business-visa-extension");

    /** Services whose result is a visa: passport valid 3 months beyond the requested visa end. */
    public static final Set<String> VISA_GROUPS = Set.of("WORK_VISA", "INVESTOR_VISA", "SHORT_TERM_BUSINESS_VISA",
            "LONG_TERM_BUSINESS_VISA");

    /** Work and investor visas are issued "до 2 лет". */
    public static final Set<String> TWO_YEAR_VISA_GROUPS = Set.of("WORK_VISA", "INVESTOR_VISA");

    /** Services the guide offers to family members too ("а также для членов семьи"). */
    public static final Set<String> FAMILY_SERVICES = Set.of("work-visa-invitation", "work-visa-issuance",
            "work-visa-extension", "investor-visa-invitation", "investor-visa-issuance", "investor-visa-extension",
            "trp-employment");

    /** Allowed visa categories per service where the guide names them. */
    public static final Map<String, Set<String>> CATEGORIES = Map.ofEntries(
            Map.entry("work-visa-invitation", Set.of("C3")),
            Map.entry("work-visa-issuance", Set.of("C3")),
            Map.entry("work-visa-extension", Set.of("C3")),
            Map.entry("investor-visa-invitation", Set.of("A5")),
            Map.entry("investor-visa-issuance", Set.of("A5")),
            Map.entry("investor-visa-extension", Set.of("A5")),
            Map.entry("short-business-visa-invitation", Set.of("B1", "B2", "B3", "C5")),
            Map.entry("short-business-visa-extension", Set.of("B1", "B2", "B3", "C5")),
            Map.entry("long-business-visa-invitation", Set.of("B2", "B3")),
            Map.entry("long-business-visa-issuance", Set.of("B2", "B3")),
            Map.entry("long-business-visa-extension", Set.of("B2", "B3")),
            Map.entry("business-immigrant-c5-multi-entry", Set.of("C5")));

    /** Services whose documents include the foreigner's IIN. */
    public static final Set<String> NEEDS_IIN = Set.of("trp-employment", "trp-business-immigrant-primary",
            "trp-business-immigrant-extension", "permanent-residence", "fingerprint-registration");

    /** Services about a visa the person holds now (its number and expiry must be known). */
    public static final Set<String> NEEDS_CURRENT_VISA = Set.of("work-visa-extension", "investor-visa-extension",
            "short-business-visa-extension", "long-business-visa-extension", "business-immigrant-c5-multi-entry",
            "visa-cancellation-departed", "visa-cancellation-exit-visa");

    /** Eurasian Economic Union members (ISO 3166 alpha-3), Kazakhstan excluded: its citizens are not foreigners. */
    public static final Set<String> EAEU = Set.of("ARM", "BLR", "KGZ", "RUS");

    /** CIS member states (Turkmenistan is an associate member and is not included), Kazakhstan excluded. */
    public static final Set<String> CIS = Set.of("ARM", "AZE", "BLR", "KGZ", "MDA", "RUS", "TJK", "UZB");

    /**
     * Which service groups a visa/permit a person holds (person's current visa: type + category) counts as "of the
     * matching kind" for, when a family member's principal is such a person. The type says visa or permit; for a visa
     * only the category tells the kind (C3 work, A5 investor, B1/B2/B3/C5 business — the guide's categories above).
     * Short- and long-term business visas share categories, so a business visa matches both (neither group is
     * offered to family members anyway). A visa cancellation for a family member follows the principal's visa of
     * any category. A missing type with a category is read as a visa: only visas have categories.
     */
    public static Set<String> groupsMatchedByHeld(String type, String category) {
        String kind = type != null ? type : category != null ? "VISA" : null;
        if ("TEMPORARY_RESIDENCE".equals(kind) || "PERMANENT_RESIDENCE".equals(kind)) {
            return Set.of(kind);
        }
        if (!"VISA".equals(kind)) {
            return Set.of();
        }
        String c = category == null ? "" : category.trim().toUpperCase(java.util.Locale.ROOT);
        return switch (c) {
            case "C3" -> Set.of("WORK_VISA", "VISA_CANCELLATION");
            case "A5" -> Set.of("INVESTOR_VISA", "VISA_CANCELLATION");
            case "B1" -> Set.of("SHORT_TERM_BUSINESS_VISA", "VISA_CANCELLATION");
            case "B2", "B3", "C5" -> Set.of("SHORT_TERM_BUSINESS_VISA", "LONG_TERM_BUSINESS_VISA",
                    "VISA_CANCELLATION");
            default -> Set.of("VISA_CANCELLATION");
        };
    }

    private ServiceKinds() {
    }

    public static String group(String code) {
        return GROUP.get(code);
    }
}
