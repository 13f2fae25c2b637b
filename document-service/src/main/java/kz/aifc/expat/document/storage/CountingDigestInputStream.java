package kz.aifc.expat.document.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes (SHA-256) what passes through, and ends the stream one byte past {@code limit}, so the store
 * never receives more than limit + 1 bytes of an oversized file and the caller can tell it was too large.
 */
public final class CountingDigestInputStream extends FilterInputStream {

    private final MessageDigest digest;
    private final long limit;
    private long count;

    public CountingDigestInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        if (count > limit) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            count++;
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (count > limit) {
            return -1;
        }
        int allowed = (int) Math.min(length, limit + 1 - count);
        int n = super.read(buffer, offset, allowed);
        if (n > 0) {
            count += n;
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported while hashing");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    public long count() {
        return count;
    }

    public boolean exceeded() {
        return count > limit;
    }

    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
