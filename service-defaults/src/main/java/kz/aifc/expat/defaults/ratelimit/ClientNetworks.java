package kz.aifc.expat.defaults.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Matches client addresses against CIDR blocks ({@code 10.0.0.0/8}, {@code ::1}); IPv4 and IPv6. */
final class ClientNetworks {

    private ClientNetworks() {
    }

    record Network(byte[] prefix, int bits) {
        /** The first {@code bits} bits of {@code address} equal the prefix's (same address family only). */
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    static List<Network> parse(List<String> cidrs) {
        return cidrs.stream().map(String::trim).filter(s -> !s.isEmpty()).map(ClientNetworks::parse).toList();
    }

    static Network parse(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("Not an IP address or CIDR block: " + cidr);
        }
        int bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        if (bits < 0 || bits > address.length * 8) {
            throw new IllegalArgumentException("Prefix length out of range: " + cidr);
        }
        return new Network(address, bits);
    }

    static boolean contains(List<Network> networks, String clientAddress) {
        byte[] address = literal(clientAddress);
        return address != null && networks.stream().anyMatch(n -> n.contains(address));
    }

    /** The bytes of an IP literal, never a DNS lookup; null for anything else. */
    private static byte[] literal(String text) {
        if (text == null || text.isEmpty() || !(Character.digit(text.charAt(0), 16) >= 0 || text.charAt(0) == ':')
                || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
