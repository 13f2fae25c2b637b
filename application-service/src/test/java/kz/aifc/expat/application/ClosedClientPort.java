package kz.aifc.expat.application;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points one REST client (init arg {@code client}: its config key) at a loopback port nothing listens on, so calls
 * fail with a real refused connection. The client's real URL (init arg {@code real-url}) is kept as
 * {@code test.<client>.real-url} for a {@link TcpRelay} that "brings it back".
 */
public class ClosedClientPort implements QuarkusTestResourceLifecycleManager {

    private String client;
    private String realUrl;

    @Override
    public void init(Map<String, String> initArgs) {
        client = initArgs.get("client");
        realUrl = initArgs.get("real-url");
    }

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free now; closed again, so connecting to it is refused
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String path = java.net.URI.create(realUrl).getRawPath(); // e.g. /admin/realms/expat
        return Map.of("quarkus.rest-client." + client + ".url", "http://127.0.0.1:" + port + path,
                "test." + client + ".real-url", realUrl);
    }

    @Override
    public void stop() {
    }
}
