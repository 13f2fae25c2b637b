package kz.aifc.expat.testing;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook receiver the suites verify deliveries with: what it records, and its signature check. */
class ReceiverTest {

    /** The example of the Standard Webhooks specification (secret, id, timestamp, body and its signature). */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theSpecificationsExampleVerifiesAndAnyChangeDoesNot() {
        assertTrue(Receiver.signedWith(SECRET, request(SIGNATURE, BODY)));
        // one of several space-separated signatures (a secret rotation) is enough
        assertTrue(Receiver.signedWith(SECRET, request("v1,bm90IHRoaXMgb25l " + SIGNATURE, BODY)));
        assertFalse(Receiver.signedWith(SECRET, request(SIGNATURE, BODY.replace('2', '3'))));
        assertFalse(Receiver.signedWith("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]),
                request(SIGNATURE, BODY)));
        assertFalse(Receiver.signedWith(SECRET, request(null, BODY)));
    }

    @Test
    void recordsEachRequestAndAnswersAsTold() throws Exception {
        try (Receiver receiver = new Receiver()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest post = HttpRequest.newBuilder(URI.create(receiver.url())).header("webhook-id", ID)
                    .header("webhook-timestamp", TIMESTAMP).header("webhook-signature", SIGNATURE)
                    .header("content-type", "application/cloudevents+json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            assertEquals(204, http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode());
            receiver.mode(Receiver.Mode.ERROR_500);
            assertEquals(500, http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(2, receiver.requests().size());
            assertEquals(1, receiver.accepted().size(), "only 2xx answers count as accepted");
            Receiver.Request first = receiver.accepted().get(0);
            assertEquals(BODY, first.body());
            assertTrue(Receiver.signedWith(SECRET, first), "the recorded request verifies as sent");
        }
    }

    @Test
    void endpointsSharingTheReceiverAnswerByTheirOwnPath() throws Exception {
        try (Receiver receiver = new Receiver()) {
            HttpClient http = HttpClient.newHttpClient();
            String broken = receiver.url("broken", Receiver.Mode.ERROR_500);
            String fine = receiver.url("fine", Receiver.Mode.OK);
            assertTrue(broken.startsWith("http://127.0.0.1:") && fine.replace("fine", "broken").equals(broken),
                    "same host and port, another path");
            assertEquals(500, http.send(HttpRequest.newBuilder(URI.create(broken)).POST(
                    HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode());
            assertEquals(204, http.send(HttpRequest.newBuilder(URI.create(fine)).POST(
                    HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode());
            assertEquals(1, receiver.requests("broken").size());
            assertEquals("/hooks/fine", receiver.requests("fine").get(0).path());
            assertEquals(1, receiver.accepted().size());
        }
    }

    private static Receiver.Request request(String signature, String body) {
        return new Receiver.Request(ID, TIMESTAMP, signature, "application/json", body, Receiver.Mode.OK,
                "/hooks/expat");
    }
}
