package kz.aifc.expat.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.notification.config.NotificationConfig;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Server-side request forgery guard for webhook URLs: https only (http where configured for local use), no user info,
 * and no target in a private, loopback, link-local, carrier-grade NAT, multicast or unspecified range unless the
 * host or address is explicitly allowed. Checked when an endpoint is saved and again for every delivery, against the
 * addresses the name resolves to at that moment — the request then goes to exactly that checked address, so a DNS
 * answer that changes in between (rebinding) cannot redirect it.
 */
@ApplicationScoped
public class UrlGuard {

    /** Where a delivery may connect. */
    public record Target(URI uri, boolean https, String host, int port, String pathAndQuery, InetAddress address) {
    }

    /** A delivery-time refusal or resolution failure (recorded as a failed attempt, retried). */
    public static class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    @Inject
    NotificationConfig config;

    /** Validates a URL given to the API: 400 problem+json when it may not be used. */
    public URI validate(String field, String url) {
        URI uri;
        try {
            uri = parse(url);
        } catch (Refused e) {
            throw ProblemException.badRequest(field, e.getMessage());
        }
        String host = host(uri);
        if (isIpLiteral(host) || allowed(host)) {
            try {
                check(host, InetAddress.getByName(host));
            } catch (Refused | UnknownHostException e) {
                throw ProblemException.badRequest(field, e.getMessage());
            }
            return uri;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                check(host, a);
            }
        } catch (Refused e) {
            throw ProblemException.badRequest(field, e.getMessage());
        } catch (UnknownHostException e) {
            // not resolvable yet (a receiver still being set up): deliveries will fail, be retried and logged
        }
        return uri;
    }

    /** Resolves and checks a URL for one delivery. */
    public Target resolve(String url) throws Refused {
        URI uri = parse(url);
        String host = host(uri);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("DNS: " + host + " does not resolve");
        }
        Refused last = null;
        for (InetAddress a : addresses) {
            try {
                check(host, a);
                boolean https = "https".equals(uri.getScheme());
                int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
                String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                return new Target(uri, https, host, port, path, a);
            } catch (Refused e) {
                last = e;
            }
        }
        throw last == null ? new Refused(host + " has no address") : last;
    }

    private URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("is required");
        }
        if (url.length() > 2000) {
            throw new Refused("at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new Refused("not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Refused("must be an absolute https URL");
        }
        if (scheme.equals("http") && !config.webhooks().allowHttp()) {
            throw new Refused("must use https (plain http is only allowed on the local stack)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry user info (credentials belong in your receiver, not the URL)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        return uri;
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private void check(String host, InetAddress address) throws Refused {
        if (isPrivate(address) && !allowed(host) && !allowed(address.getHostAddress())) {
            throw new Refused(host + " resolves to " + address.getHostAddress()
                    + ", a private, loopback or link-local address: not allowed as a webhook target");
        }
    }

    private boolean allowed(String hostOrAddress) {
        Set<String> allowed = config.webhooks().allowedPrivateHosts().orElse(List.of()).stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return allowed.contains(hostOrAddress.toLowerCase(Locale.ROOT));
    }

    static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    /** Every range a server-side request must not reach by default. */
    public static boolean isPrivate(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }

    static List<String> describe(InetAddress[] addresses) {
        List<String> out = new ArrayList<>();
        for (InetAddress a : addresses) {
            out.add(a.getHostAddress());
        }
        return out;
    }
}
