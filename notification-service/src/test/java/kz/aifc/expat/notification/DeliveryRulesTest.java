package kz.aifc.expat.notification;

import kz.aifc.expat.notification.service.Backoff;
import kz.aifc.expat.notification.service.Signatures;
import kz.aifc.expat.notification.service.UrlGuard;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Retry schedules, the address ranges the SSRF guard refuses, and the signature format. */
class DeliveryRulesTest {

    static final List<Duration> DEFAULT = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10), Duration.ofHours(10));

    @Test
    void theDefaultWebhookScheduleRetriesForMoreThan24HoursThenStops() {
        Duration min = Duration.ZERO;
        for (int attempt = 1; attempt <= DEFAULT.size(); attempt++) {
            Duration d = Backoff.scheduled(attempt, DEFAULT);
            assertNotNull(d);
            Duration nominal = DEFAULT.get(attempt - 1);
            assertTrue(d.toMillis() >= nominal.toMillis() * 0.8 && d.toMillis() <= nominal.toMillis() * 1.2,
                    "±20 % jitter around " + nominal + ": " + d);
            min = min.plus(Duration.ofMillis((long) (nominal.toMillis() * 0.8)));
        }
        assertTrue(min.compareTo(Duration.ofHours(24)) > 0, "even with the least jitter it spans > 24 h: " + min);
        assertNull(Backoff.scheduled(DEFAULT.size() + 1, DEFAULT), "after the last delay: abandoned");
    }

    @Test
    void mailBackoffDoublesUpToItsCap() {
        Duration base = Duration.ofSeconds(5);
        Duration max = Duration.ofMinutes(30);
        assertTrue(Backoff.exponential(1, base, max).toMillis() <= 6_000);
        assertTrue(Backoff.exponential(3, base, max).toMillis() >= 16_000);
        assertTrue(Backoff.exponential(40, base, max).toMillis() <= max.toMillis() * 1.2);
    }

    @Test
    void privateLoopbackLinkLocalAndReservedAddressesAreRefusedPublicOnesNot() throws Exception {
        for (String a : List.of("127.0.0.1", "10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd12:3456::1", "::ffff:10.0.0.1")) {
            assertTrue(UrlGuard.isPrivate(InetAddress.getByName(a)), a);
        }
        for (String a : List.of("8.8.8.8", "1.1.1.1", "2a00:1450:4001:82b::200e", "172.32.0.1", "100.128.0.1")) {
            assertFalse(UrlGuard.isPrivate(InetAddress.getByName(a)), a);
        }
    }

    @Test
    void signaturesFollowTheStandardWebhooksFormat() {
        String secret = Signatures.newSecret();
        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);
        String sig = Signatures.sign(secret, "msg_1", 1_700_000_000L, "{\"a\":1}");
        assertTrue(sig.matches("v1,[A-Za-z0-9+/]{43}="), sig);
        assertEquals(sig, Signatures.sign(secret, "msg_1", 1_700_000_000L, "{\"a\":1}"));
        assertNotEquals(sig, Signatures.sign(secret, "msg_1", 1_700_000_001L, "{\"a\":1}"));
        String other = Signatures.newSecret();
        assertEquals(sig + " " + Signatures.sign(other, "msg_1", 1_700_000_000L, "{\"a\":1}"),
                Signatures.header(List.of(secret, other), "msg_1", 1_700_000_000L, "{\"a\":1}"));
    }
}
