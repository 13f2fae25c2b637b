package kz.aifc.expat.defaults.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exempt-network match of the rate limiter: CIDR blocks of both families, never a DNS lookup. */
class ClientNetworksTest {

    private static final List<ClientNetworks.Network> NETWORKS =
            ClientNetworks.parse(List.of("127.0.0.0/8", "::1", "10.244.0.0/16", "172.16.0.0/12"));

    @Test
    void addressesInsideABlockMatchAndOthersDoNot() {
        assertTrue(ClientNetworks.contains(NETWORKS, "127.0.0.1"));
        assertTrue(ClientNetworks.contains(NETWORKS, "127.255.3.4"));
        assertTrue(ClientNetworks.contains(NETWORKS, "::1"));
        assertTrue(ClientNetworks.contains(NETWORKS, "10.244.7.9"));
        assertTrue(ClientNetworks.contains(NETWORKS, "172.31.255.255")); // /12: the last of 172.16-172.31
        assertFalse(ClientNetworks.contains(NETWORKS, "172.32.0.1"));
        assertFalse(ClientNetworks.contains(NETWORKS, "10.245.0.1"));
        assertFalse(ClientNetworks.contains(NETWORKS, "198.51.100.7"));
        assertFalse(ClientNetworks.contains(NETWORKS, "::2"));
    }

    @Test
    void somethingThatIsNotAnAddressNeverMatchesAndIsNeverLookedUp() {
        assertFalse(ClientNetworks.contains(NETWORKS, "localhost"));
        assertFalse(ClientNetworks.contains(NETWORKS, "unknown"));
        assertFalse(ClientNetworks.contains(NETWORKS, ""));
        assertThrows(IllegalArgumentException.class, () -> ClientNetworks.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> ClientNetworks.parse("intranet"));
    }
}
