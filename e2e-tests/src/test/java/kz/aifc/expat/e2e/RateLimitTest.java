package kz.aifc.expat.e2e;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security finding #14.18 on the running system with its default budgets (service-defaults): 300 anonymous reads,
 * 60 quotes and 60 uploads a minute per client. A public client is one the ingress forwarded (X-Forwarded-For from a
 * trusted proxy, here loopback); each test uses a random address of 198.18.0.0/15, so reruns do not share budgets.
 * Budgets refill continuously (limit/60 per second), so a client gets the limit plus what refills while the test runs,
 * and the tests allow exactly that (a budget per replica would serve twice the limit).
 */
class RateLimitTest {

    private static String newClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /**
     * The most a fresh budget of {@code limit} a minute can serve in {@code seconds}: the limit, plus what refills
     * meanwhile, plus one for rounding.
     */
    private static long mostServed(long limit, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return limit + (long) Math.ceil(seconds * limit / 60.0) + 1;
    }

    /** How many requests were served before the first 429, and that 429. */
    private record Refusal(int served, Response refused) {
        int checked() {
            refused.then().contentType("application/problem+json")
                    .body("type", equalTo("https://expat.aifc.kz/problems/rate-limited"))
                    .header("Retry-After", matchesPattern("\\d+"))
                    .header("RateLimit", matchesPattern("\"[a-z-]+\";r=0;t=\\d+"));
            return served;
        }
    }

    /** Sends requests until the first 429. */
    private static Refusal untilRefused(int atMost, Supplier<Response> request) {
        for (int served = 0; served < atMost; served++) {
            Response response = request.get();
            if (response.statusCode() == 429) {
                return new Refusal(served, response);
            }
            assertTrue(response.statusCode() < 500, "no 5xx while counting, was " + response.statusCode());
        }
        throw new AssertionError("no 429 after " + atMost + " requests");
    }

    private static int servedUntilRefused(int atMost, Supplier<Response> request) {
        return untilRefused(atMost, request).checked();
    }

    private static RequestSpecification from(String client) {
        return RestAssured.given().header("X-Forwarded-For", client);
    }

    @Test
    void aClientsBudgetIsSharedByBothReplicasOfAService() {
        String client = newClient();
        List<String> replicas = E2e.SCHEDULING;
        String day = E2e.today().plusDays(10).toString();
        int[] next = {0};
        long start = System.nanoTime();
        Refusal refusal = untilRefused(700, () -> from(client)
                .queryParam("serviceCode", "iin").queryParam("from", day).queryParam("to", day)
                .get(replicas.get(next[0]++ % 2) + "/api/v1/slots"));
        // at once (a token refills every 200 ms): the other replica sees the same empty budget, so it refuses too,
        // or serves the one request that refilled meanwhile
        Response other = from(client).queryParam("serviceCode", "iin").queryParam("from", day).queryParam("to", day)
                .get(replicas.get(next[0] % 2) + "/api/v1/slots");
        int served = refusal.checked();
        // one budget of 300 in PostgreSQL; a budget per replica would have served 600 and more
        long most = mostServed(300, start);
        assertTrue(served >= 300 && served <= most,
                "served " + served + " across two replicas; one budget of 300 allows " + most + " in that time");
        assertTrue(other.statusCode() == 429 || other.header("RateLimit").contains(";r=0;"),
                "the other replica answered " + other.statusCode() + " " + other.header("RateLimit"));
    }

    @Test
    void anonymousQuotesAreLimitedPerClient() {
        String client = newClient();
        long start = System.nanoTime();
        int served = servedUntilRefused(200, () -> from(client).queryParam("serviceCode", "iin")
                .get(Services.FEE.url() + "/api/v1/quotes"));
        long most = mostServed(60, start);
        assertTrue(served >= 60 && served <= most, "served " + served + "; a budget of 60 allows " + most);
        from(newClient()).queryParam("serviceCode", "iin").get(Services.FEE.url() + "/api/v1/quotes")
                .then().statusCode(200);
    }

    @Test
    void uploadsAreLimitedPerCompanyWhateverAddressTheyComeFrom() {
        // Every upload attempt takes from the company's budget before anything else is checked, so attempts on an
        // application that does not exist (404) are enough to use it up.
        String token = Tokens.hrGlobex();
        long start = System.nanoTime();
        int served = servedUntilRefused(200, () -> from(newClient()).auth().oauth2(token)
                .multiPart("file", "scan.pdf", "%PDF-1.4\n%%EOF\n".getBytes(), "application/pdf")
                .post(Services.DOCUMENT.url() + "/api/v1/applications/" + UUID.randomUUID() + "/requirements/"
                        + UUID.randomUUID() + "/documents"));
        // (no lower bound: an earlier run within the minute may have used part of the company's budget)
        long most = mostServed(60, start);
        assertTrue(served <= most, "served " + served + "; a budget of 60 allows " + most);
        // another company's uploads are not affected
        from(newClient()).auth().oauth2(Tokens.hrAcme())
                .multiPart("file", "scan.pdf", "%PDF-1.4\n%%EOF\n".getBytes(), "application/pdf")
                .post(Services.DOCUMENT.url() + "/api/v1/applications/" + UUID.randomUUID() + "/requirements/"
                        + UUID.randomUUID() + "/documents").then().statusCode(404);
    }
}
