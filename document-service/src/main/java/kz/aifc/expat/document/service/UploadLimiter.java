package kz.aifc.expat.document.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.document.config.DocumentsConfig;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Uploads in flight per company (per instance): one company's many or slow uploads cannot take every worker and
 * store slot from the others. Beyond the limit the upload is refused at once with 429 and Retry-After.
 */
@ApplicationScoped
public class UploadLimiter {

    @Inject
    DocumentsConfig config;

    private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    @Inject
    void registerGauge(MeterRegistry registry) {
        Gauge.builder("expat.documents.uploads.in.progress", inFlight,
                        m -> m.values().stream().mapToInt(AtomicInteger::get).sum())
                .description("Uploads being received or stored right now (all companies)").register(registry);
    }

    /** A permit for one upload of {@code companyBin}; close it when the upload ends, however it ends. */
    public final class Permit implements AutoCloseable {
        private final String companyBin;
        private boolean closed;

        private Permit(String companyBin) {
            this.companyBin = companyBin;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                inFlight.computeIfPresent(companyBin, (bin, n) -> n.decrementAndGet() <= 0 ? null : n);
            }
        }
    }

    public Permit acquire(String companyBin) {
        int limit = config.maxConcurrentUploadsPerCompany();
        boolean[] granted = new boolean[1];
        inFlight.compute(companyBin, (bin, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < limit) {
                count.incrementAndGet();
                granted[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        if (!granted[0]) {
            throw new ProblemException(429, "too-many-uploads", "Too many uploads in progress",
                    "Your company already has " + limit + " uploads in progress; send this one when one of them "
                            + "has finished").with("limit", limit).header("Retry-After", "5");
        }
        return new Permit(companyBin);
    }
}
