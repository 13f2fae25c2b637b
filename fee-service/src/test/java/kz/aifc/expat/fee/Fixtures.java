package kz.aifc.expat.fee;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Injects application-service events over the real broker and waits for fee-service's invoices. */
final class Fixtures {

    static final String ACME = "180340021791";
    static final String GLOBEX = "190540001230";

    private Fixtures() {
    }

    static void bigDecimals() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    record Person(String personId, String passportNumber, String citizenship) {
        static Person random() {
            String n = UUID.randomUUID().toString().replace("-", "");
            return new Person("person-" + n.substring(0, 12), "N" + n.substring(0, 8).toUpperCase(), "DEU");
        }
    }

    /** Publishes application.submitted as application-service would and returns the application id. */
    static String submit(String companyBin, String serviceCode, Person person, String variant, List<String> options) {
        return submit(companyBin, serviceCode, person, variant, options, "2026-03-02T10:15:00+05:00");
    }

    /** The same, submitted at {@code submittedAt} (its Asia/Almaty date is the tariff date). */
    static String submit(String companyBin, String serviceCode, Person person, String variant, List<String> options,
                         String submittedAt) {
        return submit(companyBin, serviceCode, person, variant, options, submittedAt, UUID.randomUUID().toString());
    }

    /** The same, published under the event id {@code eventId}. */
    static String submit(String companyBin, String serviceCode, Person person, String variant, List<String> options,
                         String submittedAt, String eventId) {
        String applicationId = UUID.randomUUID().toString();
        String json = """
                {"applicationId":"%s","companyBin":"%s","serviceCode":"%s","catalogVersion":"1",
                 "submittedAt":"%s",
                 "person":{"personId":"%s","firstName":"Hans","lastName":"Muster","passportNumber":"%s",
                           "citizenship":"%s"},
                 "profile":{"legalForm":"COMPANY","applicantType":"PRINCIPAL","visaCategory":"C3",
                            "childAge":null,"variant":%s,"entity":null},
                 "options":[%s],"principalApplicationId":null}
                """.formatted(applicationId, companyBin, serviceCode, submittedAt, person.personId(),
                person.passportNumber(),
                person.citizenship(), variant == null ? "null" : "\"" + variant + "\"",
                options.stream().map(o -> "\"" + o + "\"").collect(Collectors.joining(",")));
        KafkaProbe.send("expat.application", eventId, "application.submitted", applicationId, json);
        return applicationId;
    }

    static void withdraw(String applicationId, String companyBin) {
        KafkaProbe.send("expat.application", UUID.randomUUID().toString(), "application.withdrawn", applicationId,
                """
                {"applicationId":"%s","companyBin":"%s","at":"2026-03-03T10:00:00+05:00"}
                """.formatted(applicationId, companyBin));
    }

    /** Publishes an application.status-changed as application-service does; returns its event id. */
    static String statusChanged(String applicationId, String companyBin, String from, String to) {
        String eventId = UUID.randomUUID().toString();
        KafkaProbe.send("expat.application", eventId, "application.status-changed",
                applicationId, """
                {"applicationId":"%s","companyBin":"%s","serviceCode":"iin","from":"%s","to":"%s",
                 "actor":"officer1","at":"2026-03-03T10:00:00+05:00","comment":"duplicate"}
                """.formatted(applicationId, companyBin, from, to));
        return eventId;
    }

    /** Waits until the application's invoice exists and returns its id. */
    static String awaitInvoice(String applicationId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<String> ids = given().auth().oauth2(Tokens.officer()).queryParam("applicationId", applicationId)
                    .get("/api/v1/invoices").then().statusCode(200).extract().path("id");
            return ids.isEmpty() ? null : ids.get(0);
        }, id -> id != null);
    }

    static ValidatableResponse invoice(String token, String invoiceId) {
        return given().auth().oauth2(token).get("/api/v1/invoices/" + invoiceId).then();
    }

    static ValidatableResponse pay(String token, String invoiceId, String reference, String amount,
                                   String lineType) {
        String body = "{\"reference\":\"" + reference + "\",\"amount\":" + amount
                + (lineType == null ? "" : ",\"lineType\":\"" + lineType + "\"") + "}";
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/invoices/" + invoiceId + "/payments").then();
    }

    static String ref() {
        return "BANK-" + UUID.randomUUID();
    }
}
