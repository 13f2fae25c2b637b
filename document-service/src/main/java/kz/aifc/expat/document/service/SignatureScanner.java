package kz.aifc.expat.document.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal streaming signature scanner: finds the EICAR anti-virus test string anywhere in a file. It stands in for
 * a real engine (clamd) where none can run; it proves the hook, not protection against real malware.
 */
@ApplicationScoped
public class SignatureScanner implements MalwareScanner {

    /** The EICAR test string, assembled so that this source file itself does not carry it. */
    static final byte[] EICAR = ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-" + "TEST-FILE!$H+H*")
            .getBytes(StandardCharsets.US_ASCII);

    @Override
    public Verdict scan(InputStream content) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        byte[] window = new byte[buffer.length + EICAR.length];
        int carry = 0;
        int n;
        while ((n = content.read(buffer)) > 0) {
            System.arraycopy(buffer, 0, window, carry, n);
            int length = carry + n;
            if (indexOf(window, length, EICAR) >= 0) {
                return Verdict.infected("EICAR-Test-Signature");
            }
            carry = Math.min(EICAR.length - 1, length);
            System.arraycopy(window, length - carry, window, 0, carry);
        }
        return Verdict.ok();
    }

    private static int indexOf(byte[] data, int length, byte[] pattern) {
        outer:
        for (int i = 0; i <= length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
