package kz.aifc.expat.defaults;

import io.quarkus.vertx.http.runtime.TrustedProxyCheckPartConverter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every trusted proxy we configure (the default, compose, Kubernetes) is read by Quarkus as an address or a network,
 * never as a host name. A host name is resolved through DNS on every request (asynchronously, so no thread shows
 * it); Quarkus reads a bare {@code ::1} as host ":" port 1, and on these machines about one request in a hundred
 * under load then waited for the resolver's 5 s timeout (booking p99 5 s, #15). {@code ::1/128} is an address.
 */
class TrustedProxiesTest {

    private static final Pattern DEFAULT = Pattern.compile("\\$\\{TRUSTED_PROXIES:([^}]*)}");
    private static final Pattern YAML_VALUE = Pattern.compile("^\\s*TRUSTED_PROXIES:\\s*\"?([^\"#]*?)\"?\\s*(#.*)?$");

    @Test
    void everyTrustedProxyIsAnAddressOrANetworkNotAHostName() throws Exception {
        List<String> lists = new ArrayList<>();
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        Matcher m = DEFAULT.matcher(defaults.getProperty("quarkus.http.proxy.trusted-proxies", ""));
        assertFalse(!m.find(), "quarkus.http.proxy.trusted-proxies has a ${TRUSTED_PROXIES:...} default");
        lists.add("service-defaults: " + m.group(1));
        Path root = DeploymentConfigTest.findRoot();
        for (String file : List.of("docker-compose.yml", "deploy/k8s/common-config.yaml")) {
            lists.addAll(yamlValues(root.resolve(file), file));
        }
        assertFalse(lists.size() < 3, "the default, compose and Kubernetes each set the trusted proxies: " + lists);
        TrustedProxyCheckPartConverter quarkus = new TrustedProxyCheckPartConverter();
        List<String> hostNames = new ArrayList<>();
        for (String list : lists) {
            String where = list.substring(0, list.indexOf(": "));
            for (String entry : list.substring(list.indexOf(": ") + 2).split(",")) {
                Object hostName = hostName(quarkus.convert(entry.trim()));
                if (hostName != null) {
                    hostNames.add(where + ": '" + entry.trim() + "' is read as host name '" + hostName + "'");
                }
            }
        }
        assertEquals(List.of(), hostNames, "write addresses and networks in CIDR form (e.g. ::1/128)");
    }

    private static List<String> yamlValues(Path file, String name) throws IOException {
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = YAML_VALUE.matcher(line);
            if (m.matches()) {
                found.add(name + ": " + m.group(1).trim());
            }
        }
        return found;
    }

    private static Object hostName(Object part) throws ReflectiveOperationException {
        Field f = part.getClass().getDeclaredField("hostName");
        f.setAccessible(true);
        return f.get(part);
    }
}
