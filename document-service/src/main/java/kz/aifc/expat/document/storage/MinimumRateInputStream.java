package kz.aifc.expat.document.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * An upload body that must keep arriving: after a grace period the average rate since the first byte was asked for
 * must stay at or above a minimum, else reading fails with {@link TooSlowException}. A client trickling 2 bytes every
 * 2 s is cut off after the grace period instead of occupying a worker thread for half an hour. (A read that blocks
 * with no byte at all is bounded by {@code quarkus.http.read-timeout}.)
 */
public final class MinimumRateInputStream extends FilterInputStream {

    /** The client sent its body too slowly. */
    public static final class TooSlowException extends IOException {
        public TooSlowException(String message) {
            super(message);
        }
    }

    private final long minBytesPerSecond;
    private final long graceNanos;
    private final long startNanos = System.nanoTime();
    private long count;

    public MinimumRateInputStream(InputStream in, long minBytesPerSecond, Duration grace) {
        super(in);
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        check();
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
        }
        if (n >= 0) {
            check();
        }
        return n;
    }

    private void check() throws TooSlowException {
        long elapsed = System.nanoTime() - startNanos;
        if (minBytesPerSecond <= 0 || elapsed <= graceNanos) {
            return;
        }
        double seconds = elapsed / 1e9;
        if (count < minBytesPerSecond * seconds) {
            throw new TooSlowException(String.format("the body arrived at %.0f bytes/s, below the minimum of %d "
                    + "bytes/s", count / seconds, minBytesPerSecond));
        }
    }
}
