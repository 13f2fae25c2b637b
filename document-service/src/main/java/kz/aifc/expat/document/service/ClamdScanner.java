package kz.aifc.expat.document.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.document.config.DocumentsConfig;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Scans with a ClamAV daemon over its INSTREAM command (clamd(8)): {@code zINSTREAM\0}, then chunks of a 4-byte
 * big-endian length and the bytes, then a zero-length chunk; clamd answers {@code stream: OK} or
 * {@code stream: <signature> FOUND}. Anything else (unreachable, timeout, {@code ERROR}) is an {@link IOException}:
 * the document then stays PENDING_SCAN and is scanned again later, never accepted unscanned.
 * <p>
 * Hand-written because the protocol is these few lines, and the one Java client on Maven Central brings the Kotlin
 * runtime and logback-classic into a Quarkus service.
 */
@ApplicationScoped
public class ClamdScanner implements MalwareScanner {

    private static final int CHUNK = 64 * 1024;

    @Inject
    DocumentsConfig config;

    @Override
    public Verdict scan(InputStream content) throws IOException {
        DocumentsConfig.Clamd clamd = config.scan().clamd();
        int timeout = (int) clamd.timeout().toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(clamd.host(), clamd.port()), timeout);
            socket.setSoTimeout(timeout);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            int n;
            while ((n = content.read(buffer)) > 0) {
                out.writeInt(n);
                out.write(buffer, 0, n);
            }
            out.writeInt(0);
            out.flush();
            return verdict(readReply(socket.getInputStream()));
        }
    }

    static Verdict verdict(String reply) throws IOException {
        if (reply.equals("stream: OK")) {
            return Verdict.ok();
        }
        if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
            return Verdict.infected(reply.substring("stream: ".length(), reply.length() - " FOUND".length()));
        }
        throw new IOException("clamd did not scan the file: " + reply);
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && reply.size() < 1024) {
            reply.write(b);
        }
        if (b < 0 && reply.size() == 0) {
            throw new IOException("clamd closed the connection without an answer");
        }
        return reply.toString(StandardCharsets.US_ASCII);
    }
}
