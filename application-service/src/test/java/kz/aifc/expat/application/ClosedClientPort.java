package kz.aifc.expat.application;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the catalog client at a loopback port nothing listens on, so calls fail with a real refused connection.
 * The real catalog's URL is kept as {@code test.catalog.real-url} for a {@link TcpRelay} that "brings it back".
 */
public class ClosedCatalogPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free now; closed again, so connecting to it is refused
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String real = System.getenv().getOrDefault("CATALOG_URL", "http://127.0.0.1:8081");
        return Map.of("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + port,
                "test.catalog.real-url", real);
    }

    @Override
    public void stop() {
    }
}
