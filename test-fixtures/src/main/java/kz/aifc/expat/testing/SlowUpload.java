package kz.aifc.expat.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client that sends an upload's headers and the first 2 KiB of a PDF at once (so that the service gets past the
 * type check straight away) and then trickles the rest, 2 bytes every 500 ms, over a raw socket, as the hostile
 * client of security finding #14.2 did. {@link #status()} completes with the
 * HTTP status the service answered (or -1 when it closed the connection without one).
 */
public final class SlowUpload implements AutoCloseable {

    private final Socket socket;
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final CompletableFuture<Integer> status = new CompletableFuture<>();

    /** Starts a slow multipart upload (part {@code file}, a PDF) to {@code path} of the service on {@code port}. */
    public SlowUpload(int port, String path, String token) throws IOException {
        String boundary = "slow" + UUID.randomUUID().toString().replace("-", "");
        byte[] partHead = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n" + "x".repeat(2048))
                .getBytes(StandardCharsets.US_ASCII);
        long declared = partHead.length + 100_000L; // announced, never all sent
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + declared
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(partHead);
        out.flush();
        Thread trickle = new Thread(() -> {
            try {
                while (sending.get()) {
                    out.write("ab".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(500);
                }
            } catch (IOException | InterruptedException ended) {
                // the service closed the connection, or the test did
            }
        }, "slow-upload-trickle");
        trickle.setDaemon(true);
        trickle.start();
        Thread reader = new Thread(() -> status.complete(readStatus()), "slow-upload-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private int readStatus() {
        try {
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            String[] parts = line.toString().split(" ");
            return parts.length >= 2 ? Integer.parseInt(parts[1].trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } finally {
            sending.set(false);
        }
    }

    /** The status the service answered, once it answered (or closed). */
    public CompletableFuture<Integer> status() {
        return status;
    }

    public boolean answered() {
        return status.isDone();
    }

    @Override
    public void close() throws IOException {
        sending.set(false);
        socket.close();
    }
}
