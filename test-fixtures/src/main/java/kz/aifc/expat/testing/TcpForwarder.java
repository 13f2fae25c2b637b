package kz.aifc.expat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local port in front of a real dependency (another service), for outage tests. While closed nothing listens on the
 * port, so the service under test gets "connection refused" (a real outage); while open every TCP connection is
 * forwarded unchanged to the real dependency. Closing also cuts the connections already forwarded, so a pooled
 * keep-alive connection of the service cannot reach the dependency through an "outage". {@link #hold()} makes the
 * dependency slow instead: requests are accepted but not passed on until {@link #release()}.
 */
public final class TcpForwarder implements AutoCloseable {

    private final String name;
    private final URI target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private final AtomicInteger heldRequests = new AtomicInteger();
    private volatile CountDownLatch gate;

    /** Forwards {@link #port(String) port(name)} to {@code target} (http://host:port) while open. */
    public TcpForwarder(String name, URI target) {
        this.name = name;
        this.target = target;
    }

    /**
     * The port the service under test is pointed at for {@code name}; chosen once per JVM among the ports free at
     * that moment and kept in a system property, because a test profile and the test class may be loaded by
     * different class loaders.
     */
    public static synchronized int port(String name) {
        String property = "expat.test.forwarder-port." + name;
        String reserved = System.getProperty(property);
        if (reserved == null) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                reserved = Integer.toString(probe.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(property, reserved);
        }
        return Integer.parseInt(reserved);
    }

    public static String url(String name) {
        return "http://127.0.0.1:" + port(name);
    }

    /** Starts listening and forwarding to the target. */
    public synchronized void open() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port(name)));
        server = listening;
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                Socket client;
                try {
                    client = listening.accept();
                } catch (IOException closed) {
                    return;
                }
                sockets.add(client);
                try {
                    Socket upstream = new Socket(target.getHost(), target.getPort());
                    sockets.add(upstream);
                    pump(client, upstream, true);
                    pump(upstream, client, false);
                } catch (IOException targetRefused) {
                    closeQuietly(client);
                }
            }
        }, name + "-forwarder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to, boolean towardsTarget) {
        Thread copier = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    CountDownLatch held = gate;
                    if (towardsTarget && held != null) {
                        heldRequests.incrementAndGet();
                        held.await();
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ended) {
                // either side closed
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, name + "-forwarder-pump");
        copier.setDaemon(true);
        copier.start();
    }

    /** From now on bytes sent towards the target wait (the dependency looks slow) until {@link #release()}. */
    public void hold() {
        heldRequests.set(0);
        gate = new CountDownLatch(1);
    }

    /** Waits until a request is held; false if none arrives within {@code seconds}. */
    public boolean awaitHeldRequest(long seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (heldRequests.get() == 0) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Passes the held bytes on and stops holding. */
    public void release() {
        CountDownLatch held = gate;
        gate = null;
        if (held != null) {
            held.countDown();
        }
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    /** Stops listening and cuts the forwarded connections: the target is unreachable again. */
    @Override
    public synchronized void close() throws IOException {
        release();
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket socket : Set.copyOf(sockets)) {
            closeQuietly(socket);
        }
    }
}
