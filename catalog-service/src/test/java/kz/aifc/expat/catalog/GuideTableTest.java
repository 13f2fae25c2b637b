package kz.aifc.expat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every service of the 2026 guide against the guide itself (transcribed independently here): document list in order
 * with delivery, conditions and notarised/legalised flags; every fee line and total; processing time; validity.
 * Document notation: code[:UO upload+original | :O original at visit][? if applicable][@condition][!N notarised][!L
 * legalised].
 */
@QuarkusTest
class GuideTableTest {

    record Expected(String code, String group, List<String> categories, boolean family, List<String> documents,
                    String documentsFrom, List<String> serviceFees, String pm, String priority, String dutyMrp,
                    String dutyAmount, List<String> totals, String time, String validity) {
    }

    static final List<String> COMPANY = List.of("state-registration-certificate",
            "founders-decision-and-director-order:UO", "general-power-of-attorney@branch!L",
            "representative-power-of-attorney");

    static List<String> company(String... more) {
        List<String> all = new ArrayList<>(COMPANY);
        all.addAll(List.of(more));
        return all;
    }

    static final List<String> WORK_ISSUANCE = company("visa-petition", "passport:UO", "visa-application-form",
            "visa-copy?", "fingerprint-certificate:UO", "arrival-notification", "employment-contract",
            "foreign-labour-permit?", "enbek-employment-reference", "state-duty-payment:UO",
            "principal-work-visa@family", "family-relationship-certificate@family!L", "personal-data-consent");
    static final List<String> INVESTOR_ISSUANCE = company("investment-authority-petition", "passport:UO",
            "visa-application-form", "visa-copy?", "fingerprint-certificate:UO", "arrival-notification",
            "principal-investor-visa@family", "family-relationship-certificate@family!L", "personal-data-consent");
    static final List<String> LONG_ISSUANCE = company("visa-petition", "passport:UO", "visa-application-form",
            "visa-copy?", "fingerprint-certificate:UO", "arrival-notification", "state-duty-payment:UO",
            "service-contract-b2@B2", "founder-or-board-confirmation-b3@B3", "personal-data-consent");
    static final List<String> BI = List.of("trp-application-form", "passport:UO", "iin", "housing-owner-consent!N",
            "arrival-notification", "fingerprint-certificate:UO", "medical-certificate-028", "medical-insurance:UO",
            "criminal-record-and-business-ban", "personal-data-consent");

    static Stream<Expected> guide() {
        return Stream.of(
                new Expected("work-visa-invitation", "WORK_VISA", List.of("C3"), true,
                        company("invitation-letters", "passport", "state-duty-payment:UO", "employment-contract",
                                "foreign-labour-permit?", "principal-work-visa@family",
                                "family-relationship-certificate@family!L", "personal-data-consent"), null,
                        List.of("STANDARD=730000.00"), null, null, "0.5", "2162.50",
                        List.of("STANDARD=732162.50"), "WORKING_DAYS 5-5", "YEARS 2"),
                new Expected("work-visa-issuance", "WORK_VISA", List.of("C3"), true, WORK_ISSUANCE, null,
                        List.of("STANDARD=730000.00"), null, null, "30", "129750.00",
                        List.of("STANDARD=859750.00"), "WORKING_DAYS 5-5", "YEARS 2"),
                new Expected("work-visa-extension", "WORK_VISA", List.of("C3"), true, WORK_ISSUANCE,
                        "work-visa-issuance", List.of(), null, null, null, null, List.of(), null, null),
                new Expected("investor-visa-invitation", "INVESTOR_VISA", List.of("A5"), true,
                        company("invitation-letters", "passport", "investment-authority-petition",
                                "principal-investor-visa@family", "family-relationship-certificate@family!L",
                                "personal-data-consent"), null,
                        List.of("STANDARD=730000.00"), null, null, null, null, List.of("STANDARD=730000.00"),
                        "WORKING_DAYS 5-5", "YEARS 2"),
                new Expected("investor-visa-issuance", "INVESTOR_VISA", List.of("A5"), true, INVESTOR_ISSUANCE,
                        null, List.of("STANDARD=730000.00"), null, null, null, null, List.of("STANDARD=730000.00"),
                        "WORKING_DAYS 5-5", "YEARS 2"),
                new Expected("investor-visa-extension", "INVESTOR_VISA", List.of("A5"), true, INVESTOR_ISSUANCE,
                        "investor-visa-issuance", List.of(), null, null, null, null, List.of(), null, null),
                new Expected("trp-employment", "TEMPORARY_RESIDENCE", List.of(), true,
                        company("trp-application-form", "passport:UO", "iin", "current-trp?",
                                "housing-owner-consent!N", "arrival-notification", "fingerprint-certificate:UO",
                                "medical-insurance:UO", "employment-contract", "enbek-employment-reference",
                                "personal-data-consent", "family-relationship-certificate-notarised@family!N"), null,
                        List.of("EMPLOYEE=240000.00", "EXPERT=200000.00"), null, null, null, null,
                        List.of("EMPLOYEE=240000.00", "EXPERT=200000.00"), "WORKING_DAYS 1-1", null),
                new Expected("trp-business-immigrant-primary", "TEMPORARY_RESIDENCE", List.of(), false, BI, null,
                        List.of("BUSINESS_IMMIGRANT=240000.00"), null, null, null, null,
                        List.of("BUSINESS_IMMIGRANT=240000.00"), "WORKING_DAYS 1-1", "CALENDAR_DAYS 90"),
                new Expected("trp-business-immigrant-extension", "TEMPORARY_RESIDENCE", List.of(), false,
                        Stream.concat(Stream.of("state-registration-certificate",
                                "representative-power-of-attorney"), BI.stream()).toList(), null,
                        List.of("BUSINESS_IMMIGRANT=240000.00"), null, null, null, null,
                        List.of("BUSINESS_IMMIGRANT=240000.00"), "WORKING_DAYS 1-1", "MONTHS 12"),
                new Expected("permanent-residence", "PERMANENT_RESIDENCE", List.of(), true,
                        List.of("prp-application-form", "passport:UO", "iin", "criminal-record-certificate",
                                "child-consent-permanent-residence@child14-18!N", "solvency-or-housing-contract!N",
                                "medical-certificate-028-short", "photo", "state-duty-payment:UO",
                                "fingerprint-certificate:UO", "personal-data-consent"), null,
                        List.of("STANDARD=480000.00"), null, null, "4", "17300.00", List.of("STANDARD=497300.00"),
                        "WORKING_DAYS 45-45", null),
                new Expected("short-business-visa-invitation", "SHORT_TERM_BUSINESS_VISA",
                        List.of("B1", "B2", "B3", "C5"), false,
                        company("invitation-letters", "passport", "state-duty-payment:UO", "personal-data-consent"),
                        null, List.of("STANDARD=40000.00"), "270000.00", null, "0.5", "2162.50",
                        List.of("STANDARD=42162.50", "PERSONAL_MANAGER=272162.50"), "WORKING_DAYS 5-5", null),
                new Expected("short-business-visa-extension", "SHORT_TERM_BUSINESS_VISA",
                        List.of("B1", "B2", "B3", "C5"), false, LONG_ISSUANCE, "long-business-visa-issuance",
                        List.of(), null, null, null, null, List.of(), null, null),
                new Expected("long-business-visa-invitation", "LONG_TERM_BUSINESS_VISA", List.of("B2", "B3"), false,
                        company("invitation-letters", "passport", "state-duty-payment:UO", "service-contract-b2@B2",
                                "founder-or-board-confirmation-b3@B3", "personal-data-consent"), null,
                        List.of("STANDARD=40000.00"), "270000.00", null, "0.5", "2162.50",
                        List.of("STANDARD=42162.50", "PERSONAL_MANAGER=272162.50"), "WORKING_DAYS 5-5", null),
                new Expected("long-business-visa-issuance", "LONG_TERM_BUSINESS_VISA", List.of("B2", "B3"), false,
                        LONG_ISSUANCE, null, List.of("STANDARD=40000.00"), "270000.00", null, "30", "129750.00",
                        List.of("STANDARD=169750.00", "PERSONAL_MANAGER=399750.00"), "WORKING_DAYS 5-5", null),
                new Expected("business-immigrant-c5-multi-entry", "LONG_TERM_BUSINESS_VISA", List.of("C5"), false,
                        company("visa-petition", "akimat-petition", "passport:UO", "visa-application-form",
                                "visa-copy?", "fingerprint-certificate:UO", "arrival-notification",
                                "state-duty-payment:UO", "personal-data-consent"), null,
                        List.of("STANDARD=40000.00"), "270000.00", null, "30", "129750.00",
                        List.of("STANDARD=169750.00", "PERSONAL_MANAGER=399750.00"), "WORKING_DAYS 5-5", null),
                new Expected("long-business-visa-extension", "LONG_TERM_BUSINESS_VISA", List.of("B2", "B3"), false,
                        LONG_ISSUANCE, "long-business-visa-issuance", List.of(), null, null, null, null, List.of(),
                        null, null),
                new Expected("visa-cancellation-departed", "VISA_CANCELLATION", List.of(), true,
                        company("visa-cancellation-petition", "passport", "current-visa-copy",
                                "employment-termination-order?"), null,
                        List.of("STANDARD=40000.00"), null, null, null, null, List.of("STANDARD=40000.00"),
                        "WORKING_DAYS 1-1", null),
                new Expected("visa-cancellation-exit-visa", "VISA_CANCELLATION", List.of(), false,
                        company("visa-cancellation-exit-petition", "passport:UO", "fingerprint-certificate:UO",
                                "arrival-notification", "state-duty-payment:UO"), null,
                        List.of("STANDARD=40000.00"), null, null, "0.5", "2162.50", List.of("STANDARD=42162.50"),
                        "WORKING_DAYS 5-5", "WORKING_DAYS 15"),
                new Expected("arrival-notification", "OTHER_MIGRATION_AND_TAX", List.of(), false,
                        List.of("residence-address", "personal-data-consent", "passport"), null,
                        List.of("STANDARD=20000.00"), null, null, null, null, List.of("STANDARD=20000.00"),
                        "MINUTES 30-30", null),
                new Expected("iin", "OTHER_MIGRATION_AND_TAX", List.of(), false,
                        List.of("passport-data-page-translation", "passport:O", "personal-data-consent"), null,
                        List.of("STANDARD=20000.00"), "140000.00", "20000.00", null, null,
                        List.of("STANDARD=20000.00", "STANDARD+PRIORITY=40000.00", "PERSONAL_MANAGER=140000.00"),
                        "WORKING_DAYS 1-1", null),
                new Expected("tax-residency-certificate", "OTHER_MIGRATION_AND_TAX", List.of(), false,
                        List.of("tax-residency-application", "effective-management-proof@legal!N",
                                "passport-and-stay-proof-notarised@individual!N"), null,
                        List.of("STANDARD=100000.00"), "300000.00", null, null, null,
                        List.of("STANDARD=100000.00", "PERSONAL_MANAGER=300000.00"), "WORKING_DAYS_RANGE 3-5", null),
                new Expected("digital-signature", "OTHER_MIGRATION_AND_TAX", List.of(), false,
                        List.of("pki-application", "director-appointment-order@legal", "personal-data-consent"), null,
                        List.of("STANDARD=20000.00"), "140000.00", "20000.00", null, null,
                        List.of("STANDARD=20000.00", "STANDARD+PRIORITY=40000.00", "PERSONAL_MANAGER=140000.00"),
                        "WORKING_DAYS 1-1", null),
                new Expected("fingerprint-registration", "OTHER_MIGRATION_AND_TAX", List.of(), false,
                        List.of("iin-short", "passport:UO", "arrival-notification", "personal-data-consent"), null,
                        List.of("STANDARD=20000.00"), null, null, null, null, List.of("STANDARD=20000.00"),
                        "MINUTES 20-30", null));
    }

    static Stream<Arguments> cases() {
        return guide().map(e -> Arguments.of(e.code(), e));
    }

    @Test
    void theCatalogHasExactlyTheTwentyThreeServicesOfTheGuideInItsOrder() {
        JsonNode list = Api.getOk(Api.en(), "/api/v1/services?version=1");
        List<String> codes = new ArrayList<>();
        list.forEach(s -> codes.add(s.get("code").asText()));
        assertEquals(guide().map(Expected::code).toList(), codes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void serviceMatchesTheGuide(String code, Expected e) {
        JsonNode s = Api.getOk(Api.en(), "/api/v1/services/" + code + "?version=1&asOf=2026-06-01");
        assertEquals(e.group(), s.get("group").asText());
        List<String> categories = new ArrayList<>();
        s.get("visaCategories").forEach(c -> categories.add(c.asText()));
        assertEquals(e.categories(), categories, "visa categories");
        assertEquals(e.family(), s.get("familyMembers").asBoolean(), "family members");
        assertFalse(s.get("title").asText().isBlank());
        assertFalse(s.get("description").asText().isBlank());

        List<String> docs = new ArrayList<>();
        s.get("documents").forEach(d -> {
            docs.add(encode(d));
            assertEquals(d.get("mandatory").asBoolean(), !encode(d).contains("?"), "mandatory vs if-applicable");
            assertFalse(d.get("title").asText().isBlank());
        });
        assertEquals(e.documents(), docs, "documents of " + code);
        assertEquals(e.documentsFrom(), s.hasNonNull("documentsFrom") ? s.get("documentsFrom").asText() : null);

        JsonNode validity = s.get("validity");
        assertEquals(e.validity(), validity == null ? null
                : validity.get("unit").asText() + " " + validity.get("max").asInt());

        JsonNode fees = Api.getOk(Api.en(), "/api/v1/services/" + code + "/fees?version=1&asOf=2026-06-01");
        assertFees(e, fees);
        assertFees(e, s.get("fees"));
    }

    private static void assertFees(Expected e, JsonNode fees) {
        assertEquals(2026, fees.get("mrp").get("year").asInt());
        assertEquals("4325.00", Api.money(fees.get("mrp").get("amount")));
        List<String> lines = new ArrayList<>();
        fees.get("serviceFees").forEach(f -> lines.add(f.get("variant").asText() + "=" + Api.money(f.get("amount"))));
        assertEquals(e.serviceFees(), lines, "service fees");
        assertEquals(!e.serviceFees().isEmpty(), fees.get("feesStated").asBoolean());
        assertEquals(e.pm(), Api.money(fees.get("personalManagerFee")), "personal manager fee");
        assertEquals(e.priority(), Api.money(fees.get("priorityFee")), "priority fee");
        assertEquals(e.dutyMrp(), fees.hasNonNull("stateDutyMrp") ? fees.get("stateDutyMrp").decimalValue()
                .toPlainString() : null, "state duty MRP multiple");
        assertEquals(e.dutyAmount(), Api.money(fees.get("stateDutyAmount")), "state duty amount");
        List<String> totals = new ArrayList<>();
        fees.get("totals").forEach(t -> {
            String label = t.hasNonNull("variant") ? t.get("variant").asText() : "";
            if (t.hasNonNull("option")) {
                label = label.isEmpty() ? t.get("option").asText() : label + "+" + t.get("option").asText();
            }
            totals.add(label + "=" + Api.money(t.get("amount")));
        });
        assertEquals(e.totals(), totals, "totals");
        JsonNode time = fees.get("processingTime");
        assertEquals(e.time(), time == null ? null
                : time.get("kind").asText() + " " + time.get("min").asInt() + "-" + time.get("max").asInt());
        if (e.dutyMrp() != null) {
            assertTrue(fees.get("stateDutyBasis").asText().contains("MRP"));
        }
    }

    static String encode(JsonNode d) {
        StringBuilder sb = new StringBuilder(d.get("documentCode").asText());
        switch (d.get("delivery").asText()) {
            case "UPLOAD_AND_ORIGINAL" -> sb.append(":UO");
            case "ORIGINAL_AT_VISIT" -> sb.append(":O");
            default -> {
            }
        }
        for (JsonNode c : d.get("conditions")) {
            switch (c.get("kind").asText()) {
                case "IF_APPLICABLE" -> sb.append('?');
                case "LEGAL_FORM_IN" -> sb.append(c.get("values").toString()
                        .equals("[\"BRANCH\",\"REPRESENTATIVE_OFFICE\"]") ? "@branch" : "@" + c.get("values"));
                case "APPLICANT_TYPE" -> sb.append(c.get("value").asText().equals("FAMILY_MEMBER") ? "@family"
                        : "@" + c.get("value").asText());
                case "VISA_CATEGORY_IN" -> {
                    List<String> v = new ArrayList<>();
                    c.get("values").forEach(x -> v.add(x.asText()));
                    sb.append('@').append(String.join("/", v));
                }
                case "CHILD_AGE_BETWEEN" -> sb.append("@child").append(c.get("min").asInt()).append('-')
                        .append(c.get("max").asInt());
                case "ENTITY" -> sb.append(c.get("value").asText().equals("LEGAL_ENTITY") ? "@legal"
                        : "@individual");
                default -> sb.append("@?").append(c.get("kind").asText());
            }
        }
        if (d.get("notarised").asBoolean()) {
            sb.append("!N");
        }
        if (d.get("legalised").asBoolean()) {
            sb.append("!L");
        }
        return sb.toString();
    }
}
