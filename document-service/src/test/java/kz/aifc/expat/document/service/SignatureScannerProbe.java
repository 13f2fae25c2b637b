package kz.aifc.expat.document.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Gives unit tests access to the scanner without CDI; reads in odd chunk sizes to exercise the carry-over. */
public final class SignatureScannerProbe {

    private SignatureScannerProbe() {
    }

    public static MalwareScanner.Verdict scan(byte[] data) throws IOException {
        InputStream slow = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 40_000));
            }
        };
        return new SignatureScanner().scan(slow);
    }
}
