package kz.aifc.expat.fee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * Every service and option of the guide 2026, priced through the public quote endpoint against the real
 * catalog-service. The expected figures are the guide's, typed in here independently of the catalog (MRP 2026 =
 * 4,325 KZT): a wrong catalog entry or wrong arithmetic fails this table.
 */
@QuarkusTest
class QuoteTariffTableTest {

    static final String AS_OF = "2026-03-02";
    /** A Monday with no public holiday in the following week. */
    static final String START = "2026-02-02";

    record L(String type, String amount) {
    }

    record Case(String code, String variant, List<String> options, List<L> lines, String total, String kind,
                String earliest, String latest) {
        @Override
        public String toString() {
            return code + (variant == null ? "" : "/" + variant) + (options.isEmpty() ? "" : " " + options);
        }
    }

    static final String FEE = "SERVICE_FEE";
    static final String PM = "PERSONAL_MANAGER_FEE";
    static final String PRIO = "PRIORITY_FEE";
    static final String DUTY = "STATE_DUTY";

    static Case c(String code, String variant, List<String> options, String total, String kind, String earliest,
                  String latest, L... lines) {
        return new Case(code, variant, options, List.of(lines), total, kind, earliest, latest);
    }

    static L l(String type, String amount) {
        return new L(type, amount);
    }

    static Stream<Case> guide() {
        List<String> none = List.of();
        String d1 = "2026-02-03";
        String d5 = "2026-02-09";
        return Stream.of(
                // Work visa: 730,000 + 0.5 MRP (2,162.50) / + 30 MRP (129,750); 5 working days
                c("work-visa-invitation", null, none, "732162.50", "WORKING_DAYS", d5, d5,
                        l(FEE, "730000.00"), l(DUTY, "2162.50")),
                c("work-visa-issuance", null, none, "859750.00", "WORKING_DAYS", d5, d5,
                        l(FEE, "730000.00"), l(DUTY, "129750.00")),
                // Investor visa: 730,000, no state duty
                c("investor-visa-invitation", null, none, "730000.00", "WORKING_DAYS", d5, d5, l(FEE, "730000.00")),
                c("investor-visa-issuance", null, none, "730000.00", "WORKING_DAYS", d5, d5, l(FEE, "730000.00")),
                // Temporary residence: employee 240,000 / expert 200,000; business immigrant 240,000; 1 working day
                c("trp-employment", "EMPLOYEE", none, "240000.00", "WORKING_DAYS", d1, d1, l(FEE, "240000.00")),
                c("trp-employment", "EXPERT", none, "200000.00", "WORKING_DAYS", d1, d1, l(FEE, "200000.00")),
                c("trp-business-immigrant-primary", null, none, "240000.00", "WORKING_DAYS", d1, d1,
                        l(FEE, "240000.00")),
                c("trp-business-immigrant-extension", null, none, "240000.00", "WORKING_DAYS", d1, d1,
                        l(FEE, "240000.00")),
                // Permanent residence: 480,000 + 4 MRP (17,300); 45 working days (date checked separately)
                c("permanent-residence", null, none, "497300.00", "WORKING_DAYS", null, null,
                        l(FEE, "480000.00"), l(DUTY, "17300.00")),
                // Short-term business visa: 40,000 (personal manager 270,000 instead) + 0.5 MRP
                c("short-business-visa-invitation", null, none, "42162.50", "WORKING_DAYS", d5, d5,
                        l(FEE, "40000.00"), l(DUTY, "2162.50")),
                c("short-business-visa-invitation", null, List.of("PERSONAL_MANAGER"), "272162.50", "WORKING_DAYS",
                        d5, d5, l(PM, "270000.00"), l(DUTY, "2162.50")),
                // Long-term business visa
                c("long-business-visa-invitation", null, none, "42162.50", "WORKING_DAYS", d5, d5,
                        l(FEE, "40000.00"), l(DUTY, "2162.50")),
                c("long-business-visa-invitation", null, List.of("PERSONAL_MANAGER"), "272162.50", "WORKING_DAYS",
                        d5, d5, l(PM, "270000.00"), l(DUTY, "2162.50")),
                c("long-business-visa-issuance", null, none, "169750.00", "WORKING_DAYS", d5, d5,
                        l(FEE, "40000.00"), l(DUTY, "129750.00")),
                c("long-business-visa-issuance", null, List.of("PERSONAL_MANAGER"), "399750.00", "WORKING_DAYS",
                        d5, d5, l(PM, "270000.00"), l(DUTY, "129750.00")),
                c("business-immigrant-c5-multi-entry", null, none, "169750.00", "WORKING_DAYS", d5, d5,
                        l(FEE, "40000.00"), l(DUTY, "129750.00")),
                c("business-immigrant-c5-multi-entry", null, List.of("PERSONAL_MANAGER"), "399750.00",
                        "WORKING_DAYS", d5, d5, l(PM, "270000.00"), l(DUTY, "129750.00")),
                // Visa cancellation: departed 40,000, 1 wd; with exit visa 40,000 + 0.5 MRP, 5 wd
                c("visa-cancellation-departed", null, none, "40000.00", "WORKING_DAYS", d1, d1, l(FEE, "40000.00")),
                c("visa-cancellation-exit-visa", null, none, "42162.50", "WORKING_DAYS", d5, d5,
                        l(FEE, "40000.00"), l(DUTY, "2162.50")),
                // Other migration and tax services
                c("arrival-notification", null, none, "20000.00", "MINUTES", START, START, l(FEE, "20000.00")),
                c("iin", null, none, "20000.00", "WORKING_DAYS", d1, d1, l(FEE, "20000.00")),
                c("iin", null, List.of("PRIORITY"), "40000.00", "WORKING_DAYS", d1, d1,
                        l(FEE, "20000.00"), l(PRIO, "20000.00")),
                c("iin", null, List.of("PERSONAL_MANAGER"), "140000.00", "WORKING_DAYS", d1, d1, l(PM, "140000.00")),
                c("iin", null, List.of("PERSONAL_MANAGER", "PRIORITY"), "160000.00", "WORKING_DAYS", d1, d1,
                        l(PM, "140000.00"), l(PRIO, "20000.00")),
                c("tax-residency-certificate", null, none, "100000.00", "WORKING_DAYS_RANGE", "2026-02-05", d5,
                        l(FEE, "100000.00")),
                c("tax-residency-certificate", null, List.of("PERSONAL_MANAGER"), "300000.00", "WORKING_DAYS_RANGE",
                        "2026-02-05", d5, l(PM, "300000.00")),
                c("digital-signature", null, none, "20000.00", "WORKING_DAYS", d1, d1, l(FEE, "20000.00")),
                c("digital-signature", null, List.of("PRIORITY"), "40000.00", "WORKING_DAYS", d1, d1,
                        l(FEE, "20000.00"), l(PRIO, "20000.00")),
                c("digital-signature", null, List.of("PERSONAL_MANAGER"), "140000.00", "WORKING_DAYS", d1, d1,
                        l(PM, "140000.00")),
                c("fingerprint-registration", null, none, "20000.00", "MINUTES", START, START, l(FEE, "20000.00")));
    }

    @BeforeAll
    static void bigDecimals() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static RequestSpecification quote(String code) {
        return given().queryParam("serviceCode", code).queryParam("asOf", AS_OF).queryParam("startDate", START);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guide")
    void quoteMatchesTheGuide(Case t) {
        RequestSpecification request = quote(t.code());
        if (t.variant() != null) {
            request.queryParam("variant", t.variant());
        }
        if (!t.options().isEmpty()) {
            request.queryParam("options", String.join(",", t.options()));
        }
        Response response = request.when().get("/api/v1/quotes");
        response.then().statusCode(200)
                .body("serviceCode", equalTo(t.code()))
                .body("currency", equalTo("KZT"))
                .body("mrp.year", equalTo(2026))
                .body("mrp.amount", comparesEqualTo(new BigDecimal("4325")))
                .body("lines", hasSize(t.lines().size()))
                .body("total", comparesEqualTo(new BigDecimal(t.total())))
                .body("lines.basis", everyItem(not(emptyOrNullString())));
        for (int i = 0; i < t.lines().size(); i++) {
            response.then()
                    .body("lines[" + i + "].type", equalTo(t.lines().get(i).type()))
                    .body("lines[" + i + "].amount", comparesEqualTo(new BigDecimal(t.lines().get(i).amount())))
                    .body("lines[" + i + "].waived", is(false));
        }
        // amounts carry exact decimals, e.g. 0.5 MRP = 2162.50, never a float rounding
        if (t.total().endsWith(".50")) {
            String raw = response.asString();
            org.junit.jupiter.api.Assertions.assertTrue(raw.contains("\"total\":" + t.total()), raw);
        }
        response.then().body("processingTime.kind", equalTo(t.kind()));
        if (t.earliest() != null) {
            response.then().body("startDate", equalTo(START))
                    .body("expectedCompletion.earliest", equalTo(t.earliest()))
                    .body("expectedCompletion.latest", equalTo(t.latest()));
        }
    }

    @Test
    void permanentResidenceCompletesAfter45WorkingDaysOnTheOfficeCalendar() {
        String expected = given().baseUri(catalogUrl()).queryParam("date", START).queryParam("days", 45)
                .get("/api/v1/calendar/add-working-days").then().statusCode(200).extract().path("result");
        quote("permanent-residence").get("/api/v1/quotes").then().statusCode(200)
                .body("processingTime.min", equalTo(45))
                .body("expectedCompletion.earliest", equalTo(expected));
    }

    static Stream<String[]> notOffered() {
        return Stream.of(
                new String[]{"work-visa-invitation", "PRIORITY"},
                new String[]{"work-visa-invitation", "PERSONAL_MANAGER"},
                new String[]{"work-visa-issuance", "PERSONAL_MANAGER"},
                new String[]{"investor-visa-issuance", "PRIORITY"},
                new String[]{"permanent-residence", "PERSONAL_MANAGER"},
                new String[]{"short-business-visa-invitation", "PRIORITY"},
                new String[]{"long-business-visa-issuance", "PRIORITY"},
                new String[]{"tax-residency-certificate", "PRIORITY"},
                new String[]{"arrival-notification", "PERSONAL_MANAGER"},
                new String[]{"fingerprint-registration", "PRIORITY"},
                new String[]{"visa-cancellation-departed", "PERSONAL_MANAGER"},
                new String[]{"work-visa-extension", "PERSONAL_MANAGER"});
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("notOffered")
    void anOptionTheServiceDoesNotOfferIsRefusedByName(String code, String option) {
        quote(code).queryParam("option", option).get("/api/v1/quotes").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/rule-violated/option-not-offered"))
                .body("option", equalTo(option));
    }

    @Test
    void trpEmploymentNeedsItsVariant() {
        quote("trp-employment").get("/api/v1/quotes").then().statusCode(422)
                .body("type", endsWith("/rule-violated/variant-required"))
                .body("variants", equalTo(List.of("EMPLOYEE", "EXPERT")));
        quote("trp-employment").queryParam("variant", "INTERN").get("/api/v1/quotes").then().statusCode(422)
                .body("type", endsWith("/rule-violated/variant-not-offered"));
        quote("trp-employment").queryParam("variant", "EXPERT").queryParam("option", "PERSONAL_MANAGER")
                .get("/api/v1/quotes").then().statusCode(422).body("option", equalTo("PERSONAL_MANAGER"));
    }

    @Test
    void badInputIsA4xxProblem() {
        given().get("/api/v1/quotes").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("serviceCode"));
        quote("iin").queryParam("option", "GOLD").get("/api/v1/quotes").then().statusCode(400)
                .body("errors[0].field", equalTo("options"));
        given().queryParam("serviceCode", "iin").queryParam("asOf", "02.03.2026").get("/api/v1/quotes").then()
                .statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().queryParam("serviceCode", "iin").queryParam("startDate", "tomorrow").get("/api/v1/quotes").then()
                .statusCode(400).body("errors[0].field", equalTo("startDate"));
        given().queryParam("serviceCode", "Robert'); DROP TABLE").get("/api/v1/quotes").then().statusCode(400);
        quote("no-such-service").get("/api/v1/quotes").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void quotesDefaultToTodayAndNeedNoToken() {
        given().queryParam("serviceCode", "iin").get("/api/v1/quotes").then().statusCode(200)
                .body("asOf", not(emptyOrNullString()))
                .body("startDate", not(emptyOrNullString()))
                .body("expectedCompletion.earliest", not(emptyOrNullString()))
                .body("total", comparesEqualTo(new BigDecimal("20000")));
    }

    static String catalogUrl() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.rest-client.catalog.url", String.class);
    }
}
