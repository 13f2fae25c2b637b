package kz.aifc.expat.defaults.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** #14.3: no id reaches a metric label; ordinary values stay as they are. */
class BoundedTagsTest {

    @Test
    void idsAndLongNumbersBecomePlaceholders() {
        assertEquals("expat-documents/applications/{id}/{id}/{id}", BoundedTags.bound(
                "expat-documents/applications/8a9fc19a-e39e-4f76-94be-8ba57807c381/e5790006-d1d0-4150-891c-affe8dba66ac/"
                        + "F705F77C-032F-43CC-BF76-4E2B0C3E28A8"));
        assertEquals("/api/v1/companies/{n}/notification-contacts",
                BoundedTags.bound("/api/v1/companies/180340021791/notification-contacts"));
        for (String kept : new String[]{"200", "/api/v1/applications/{id}", "SUCCESS", "0.001048576", "expat-v2",
                "kafka-consumer-123", "2026"}) {
            assertEquals(kept, BoundedTags.bound(kept));
        }
    }

    @Test
    void theFilterRewritesTagsOfEveryMeter() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new BoundedTags().noIdsInTags());
        for (String id : new String[]{"0e6f6a3c-1d0e-4a59-9b55-0f1f3b0f2a11", "5b0e9a34-0d0e-4c8a-8f43-9f9c7a9a1b22"}) {
            Counter.builder("store_requests").tag("uri", "bucket/applications/" + id).register(registry).increment();
        }
        // two documents, one series
        assertEquals(1, registry.find("store_requests").counters().size());
        assertEquals(2.0, registry.get("store_requests").tag("uri", "bucket/applications/{id}").counter().count());
    }
}
