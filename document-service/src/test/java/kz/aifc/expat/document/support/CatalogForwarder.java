package kz.aifc.expat.document.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/**
 * A local port in front of the real catalog-service. While closed nothing listens on it, so the service gets
 * "connection refused" (a real outage); once opened it forwards every TCP connection to the real catalog unchanged.
 */
public final class CatalogForwarder implements AutoCloseable {

    /** Kept in a system property: the test profile and the test class may be loaded by different class loaders. */
    private static final String PORT_PROPERTY = "expat.test.catalog-forwarder-port";

    private ServerSocket server;

    /** The port the service under test is pointed at; chosen once per JVM from the ports free right now. */
    public static synchronized int port() {
        String reserved = System.getProperty(PORT_PROPERTY);
        if (reserved == null) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                reserved = Integer.toString(probe.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(PORT_PROPERTY, reserved);
        }
        return Integer.parseInt(reserved);
    }

    public static String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Starts listening and forwarding to the real catalog. */
    public synchronized void open() throws IOException {
        if (server != null) {
            return;
        }
        URI target = URI.create(CatalogProbe.URL);
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()));
        ServerSocket listening = server;
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                Socket client;
                try {
                    client = listening.accept();
                } catch (IOException closed) {
                    return;
                }
                try {
                    Socket upstream = new Socket(target.getHost(), target.getPort());
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException catalogRefused) {
                    closeQuietly(client);
                }
            }
        }, "catalog-forwarder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pump(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ended) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "catalog-forwarder-pump");
        copier.setDaemon(true);
        copier.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    /** Stops listening: new connections are refused again. */
    @Override
    public synchronized void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
