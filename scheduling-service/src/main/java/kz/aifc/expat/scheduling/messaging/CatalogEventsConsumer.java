package kz.aifc.expat.scheduling.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.inbox.EventEnvelope;
import kz.aifc.expat.defaults.inbox.Inbox;
import kz.aifc.expat.scheduling.service.CalendarChanges;
import kz.aifc.expat.scheduling.service.OfficeCalendar;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code catalog.calendar-changed} from catalog-service, on two channels of the same topic:
 * <ul>
 * <li>{@code catalog-events} — the service's shared consumer group, through the inbox: the change is applied once
 * for all replicas (day recorded, visits of a closed day cancelled; {@link CalendarChanges});</li>
 * <li>{@code catalog-cache} — a consumer group per instance, no inbox: every replica drops what it has cached about
 * the day (the recorded day already wins over the cache; this also refreshes the working-day answers).</li>
 * </ul>
 * Other types on the topic ({@code catalog.published}) are ignored.
 */
@ApplicationScoped
public class CatalogEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    CalendarChanges changes;

    @Inject
    OfficeCalendar calendar;

    @Incoming("catalog-events")
    @Blocking
    public void onCatalog(ConsumerRecord<String, String> record) {
        if (!Events.CALENDAR_CHANGED.equals(EventEnvelope.of(record).type())) {
            return;
        }
        ZoneId zone = calendar.office().zone(); // before the inbox's transaction: it may ask the catalog
        inbox.process(record, e -> handle(e, zone));
    }

    @Incoming("catalog-cache")
    public void onCatalogBroadcast(ConsumerRecord<String, String> record) {
        if (Events.CALENDAR_CHANGED.equals(EventEnvelope.of(record).type())) {
            LocalDate date = date(record.key());
            if (date != null) {
                calendar.invalidate(date);
            } else {
                calendar.invalidate();
            }
        }
    }

    void handle(EventEnvelope e, ZoneId zone) {
        Events.CalendarChanged data = inbox.data(e, Events.CalendarChanged.class);
        LocalDate date = date(data.date());
        if (date == null || !OfficeCalendar.supported(date) || data.working() == null) {
            LOG.warnf("ignoring %s %s without a valid date and working flag", e.type(), e.id());
            return;
        }
        OffsetDateTime changedAt = changedAt(data.changedAt());
        changes.apply(new CalendarChanges.Change(date, data.working(), data.kind(), data.name(), data.nameEn(),
                changedAt, data.changedBy()), zone);
        calendar.invalidate(date);
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    /** Orders changes of one date; an event without it counts as made now (after any recorded one). */
    private static OffsetDateTime changedAt(String value) {
        try {
            return value == null ? OffsetDateTime.now(ZoneOffset.UTC) : OffsetDateTime.parse(value);
        } catch (DateTimeParseException ex) {
            return OffsetDateTime.now(ZoneOffset.UTC);
        }
    }
}
