package kz.aifc.expat.fee.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.fee.service.TariffCatalog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * catalog.published → drop the in-memory tariff cache; catalog.calendar-changed → drop the cached working-day
 * answers. Deliberately NOT through the Inbox: every replica must drop
 * its own cache, so each instance consumes in its own consumer group (see application.properties), and dropping a
 * cache twice is harmless, so no deduplication is needed.
 */
@ApplicationScoped
public class CatalogEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogEventsConsumer.class);

    @Inject
    TariffCatalog catalog;

    @Incoming("catalog")
    public void on(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("ce_type");
        String type = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        if ("catalog.published".equals(type)) {
            LOG.infof("catalog version %s published: dropping cached tariffs", record.key());
            catalog.invalidateAll();
        } else if ("catalog.calendar-changed".equals(type)) {
            // expected completion dates come from add-working-days answers, which this day may change
            LOG.infof("office calendar changed on %s: dropping cached working-day answers", record.key());
            catalog.invalidateCalendar();
        }
    }
}
