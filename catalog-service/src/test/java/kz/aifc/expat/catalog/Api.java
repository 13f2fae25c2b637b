package kz.aifc.expat.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;

/** Small helpers shared by the tests: requests and JSON trees with exact decimals. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Api() {
    }

    static RequestSpecification en() {
        return RestAssured.given().header("Accept-Language", "en");
    }

    static RequestSpecification ru() {
        return RestAssured.given().header("Accept-Language", "ru");
    }

    static JsonNode tree(Response response) {
        try {
            return JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode getOk(RequestSpecification spec, String path) {
        Response r = spec.get(path);
        r.then().statusCode(200);
        return tree(r);
    }

    static String money(JsonNode n) {
        return n == null || n.isNull() ? null : n.decimalValue().toPlainString();
    }
}
