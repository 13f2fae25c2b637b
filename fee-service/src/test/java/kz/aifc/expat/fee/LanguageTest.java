package kz.aifc.expat.fee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static kz.aifc.expat.fee.Fixtures.ACME;
import static kz.aifc.expat.fee.Fixtures.awaitInvoice;
import static kz.aifc.expat.fee.Fixtures.submit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Line titles and notes follow Accept-Language like the catalog's texts: the whole answer in the caller's best
 * language that every text of it exists in, Content-Language naming it. The guide's service-fee titles exist in
 * Russian (the guide's words) and English; nothing of the guide exists in Kazakh yet, so kk is answered in the
 * fallback and labelled so. Without a usable header the API keeps answering in English.
 */
@QuarkusTest
class LanguageTest {

    /** The guide's title of the work-visa invitation fee, as printed ("Тарифы и сроки"). */
    static final String RU_TITLE = "Оформление письма-приглашения для рабочей визы категории «С3», а также для визы "
            + "члена семьи, до 2 лет";

    @BeforeAll
    static void setUp() {
        Fixtures.bigDecimals();
    }

    static RequestSpecification quote(String acceptLanguage) {
        RequestSpecification r = given().queryParam("serviceCode", "work-visa-invitation")
                .queryParam("asOf", "2026-03-02").queryParam("startDate", "2026-02-02");
        return acceptLanguage == null ? r : r.header("Accept-Language", acceptLanguage);
    }

    @Test
    void quoteLinesAreInTheRequestedLanguage() {
        quote("ru").get("/api/v1/quotes").then().statusCode(200).header("Content-Language", "ru")
                .body("language", equalTo("ru"))
                .body("lines[0].description", equalTo("Сервисный сбор: " + RU_TITLE))
                .body("lines[1].description", startsWith("Государственная пошлина: 0.5 МРП"))
                .body("notes[0]", startsWith("Срок оказания"));
        quote("en-GB").get("/api/v1/quotes").then().statusCode(200).header("Content-Language", "en")
                .body("lines[0].description", startsWith("Service fee: Invitation letter"))
                .body("lines[1].description", startsWith("State duty: 0.5 MRP"));
    }

    @Test
    void kazakhFallsBackAsAWholeAndIsLabelledTruly() {
        Response kk = quote("kk").get("/api/v1/quotes");
        kk.then().statusCode(200).header("Content-Language", "ru").body("language", equalTo("ru"))
                .body("lines[0].description", equalTo("Сервисный сбор: " + RU_TITLE));
        assertEquals(quote("ru").get("/api/v1/quotes").asString(), kk.asString());
        // the caller's own next language comes first
        quote("kk, en;q=0.7").get("/api/v1/quotes").then().header("Content-Language", "en")
                .body("lines[0].description", startsWith("Service fee: Invitation letter"));
    }

    @Test
    void withoutAUsableHeaderTheAnswerStaysEnglish() {
        for (String header : new String[]{null, ";", ";;q=", "de", "kk;q=abc", "en;q=2"}) {
            Response r = quote(header).get("/api/v1/quotes");
            assertEquals(200, r.statusCode(), "Accept-Language " + header);
            String language = r.header("Content-Language");
            assertEquals(r.jsonPath().getString("language"), language, "Accept-Language " + header);
        }
        quote(null).get("/api/v1/quotes").then().header("Content-Language", "en")
                .body("lines[0].description", startsWith("Service fee: Invitation letter"));
        quote(";").get("/api/v1/quotes").then().header("Content-Language", "en");
    }

    @Test
    void invoiceTextsAreFrozenInEveryLanguageAndServedInTheRequestedOne() {
        String app = submit(ACME, "work-visa-invitation", Fixtures.Person.random(), null, List.of());
        String id = awaitInvoice(app);
        given().auth().oauth2(Tokens.hrAcme()).header("Accept-Language", "ru").get("/api/v1/invoices/" + id)
                .then().statusCode(200).header("Content-Language", "ru").body("language", equalTo("ru"))
                .body("lines[0].description", equalTo("Сервисный сбор: " + RU_TITLE))
                .body("lines[1].description", startsWith("Государственная пошлина"));
        given().auth().oauth2(Tokens.hrAcme()).header("Accept-Language", "kk").get("/api/v1/invoices/" + id)
                .then().statusCode(200).header("Content-Language", "ru")
                .body("lines[0].description", equalTo("Сервисный сбор: " + RU_TITLE));
        given().auth().oauth2(Tokens.hrAcme()).get("/api/v1/invoices/" + id).then().statusCode(200)
                .header("Content-Language", "en").body("lines[0].description", startsWith("Service fee: Invitation"));
        given().auth().oauth2(Tokens.officer()).header("Accept-Language", "ru").queryParam("applicationId", app)
                .get("/api/v1/invoices").then().statusCode(200).header("Content-Language", "ru")
                .body("[0].lines[0].description", equalTo("Сервисный сбор: " + RU_TITLE));
    }
}
