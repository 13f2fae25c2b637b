package kz.aifc.expat.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Accept-Language is honoured truthfully: a response is in the caller's best language in which all its texts
 * exist, and Content-Language (and the body's language field) names the language actually served. The 2026 guide
 * has no Kazakh text, so a Kazakh request for guide texts is answered in the fallback, labelled as such; the
 * catalogue's own words (e.g. "weekend") exist in Kazakh.
 */
@QuarkusTest
class LanguageTest {

    static Response get(String acceptLanguage, String path) {
        return RestAssured.given().header("Accept-Language", acceptLanguage).get(path);
    }

    @Test
    void kazakhRequestForGuideTextsIsAnsweredInRussianLabelledRussian() {
        String path = "/api/v1/services/iin/checklist";
        Response kk = get("kk", path);
        kk.then().statusCode(200).header("Content-Language", "ru").body("language", equalTo("ru"));
        Response ru = get("ru", path);
        // the same bytes as the Russian answer: nothing was relabelled, nothing mixed
        assertEquals(ru.asString(), kk.asString());
        assertEquals(ru.header("ETag"), kk.header("ETag"));
        get("kk-KZ", "/api/v1/services/work-visa-issuance").then().statusCode(200)
                .header("Content-Language", "ru").body("language", equalTo("ru"));
        get("kk", "/api/v1/services").then().statusCode(200).header("Content-Language", "ru");
        get("kk", "/api/v1/services/iin/fees").then().statusCode(200).header("Content-Language", "ru")
                .body("language", equalTo("ru"));
    }

    @Test
    void theFallbackFollowsTheCallersOwnOrderOfLanguages() {
        // Kazakh first, then English: without Kazakh texts the caller prefers English over the default Russian
        get("kk, en;q=0.8, ru;q=0.5", "/api/v1/services/iin/checklist").then().statusCode(200)
                .header("Content-Language", "en").body("language", equalTo("en"))
                .body("items.find { it.documentCode == 'personal-data-consent' }.title",
                        equalTo("Consent to the processing of personal data"));
        get("ru;q=0.4, en;q=0.9", "/api/v1/services/iin").then().header("Content-Language", "en");
        get("de, fr", "/api/v1/services/iin").then().statusCode(200).header("Content-Language", "ru");
    }

    @Test
    void kazakhIsServedWhereEveryTextOfTheResponseHasIt() {
        // 2–8 February 2026: an ordinary week (no holiday in the guide's calendar), the weekend is 7–8 February
        Response week = get("kk", "/api/v1/calendar/days?from=2026-02-02&to=2026-02-08");
        week.then().statusCode(200).header("Content-Language", "kk")
                .body("find { it.date == '2026-02-07' }.reason", equalTo("Демалыс күні"))
                .body("find { it.date == '2026-02-08' }.kind", equalTo("WEEKEND"));
        // a week with a holiday whose name exists only in Russian and English: the whole answer falls back
        Response holiday = get("kk", "/api/v1/calendar/days?from=2026-03-06&to=2026-03-09");
        holiday.then().statusCode(200).header("Content-Language", "ru")
                .body("find { it.date == '2026-03-07' }.reason", equalTo("Выходной день"));
        assertEquals(get("ru", "/api/v1/calendar/days?from=2026-03-06&to=2026-03-09").asString(), holiday.asString());
        get("kk", "/api/v1/calendar/working-day?date=2026-02-07").then().header("Content-Language", "kk")
                .body("reason", equalTo("Демалыс күні"));
        get("kk", "/api/v1/calendar/working-day?date=2026-01-01").then().header("Content-Language", "ru");
        // the office has a Russian and an English address only
        get("kk", "/api/v1/calendar/office").then().statusCode(200).header("Content-Language", "ru");
    }

    @Test
    void aNotModifiedAnswerNamesTheServedLanguageToo() {
        String path = "/api/v1/calendar/days?from=2026-02-02&to=2026-02-08";
        String kkTag = get("kk", path).header("ETag");
        assertNotEquals(get("ru", path).header("ETag"), kkTag);
        RestAssured.given().header("Accept-Language", "kk").header("If-None-Match", kkTag).get(path).then()
                .statusCode(304).header("Content-Language", "kk");
    }

    @Test
    void aMalformedAcceptLanguageIsTheDefaultLanguageNeverAServerError() {
        for (String header : List.of(";", ",,,", ";;q=", "kk;q=abc", "*;q=0.5", "  ", "-", "q=1;kk", "en;q=2")) {
            for (String path : List.of("/api/v1/services/iin/checklist", "/api/v1/services",
                    "/api/v1/calendar/days?from=2026-02-02&to=2026-02-03", "/api/v1/calendar/office")) {
                int status = get(header, path).then().extract().statusCode();
                assertEquals(200, status, "Accept-Language '" + header + "' on " + path);
            }
        }
        get(";", "/api/v1/services/iin/checklist").then().header("Content-Language", "ru")
                .body("language", equalTo("ru"));
    }
}
