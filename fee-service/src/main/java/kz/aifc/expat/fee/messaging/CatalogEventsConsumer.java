package kz.aifc.expat.fee.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.fee.service.TariffCatalog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * catalog.published → drop the in-memory tariff cache. Deliberately NOT through the Inbox: every replica must drop
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
        var type = record.headers().lastHeader("ce_type");
        if (type != null && "catalog.published".equals(new String(type.value(), StandardCharsets.UTF_8))) {
            LOG.infof("catalog version %s published: dropping cached tariffs", record.key());
            catalog.invalidateAll();
        }
    }
}
