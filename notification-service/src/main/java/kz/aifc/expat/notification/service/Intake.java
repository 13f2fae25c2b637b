package kz.aifc.expat.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.aifc.expat.defaults.inbox.EventEnvelope;
import kz.aifc.expat.notification.messaging.EventTypes;
import kz.aifc.expat.notification.model.NotificationJob;
import kz.aifc.expat.notification.model.WebhookEndpoint;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What a consumed event becomes, inside the inbox transaction: an e-mail job (recipients are read later, outside any
 * transaction) and one webhook delivery per endpoint of the company that subscribed to its type. Commits
 * wake the composer and the webhook dispatcher up.
 */
@ApplicationScoped
public class Intake {

    private static final Logger LOG = Logger.getLogger(Intake.class);

    /** Fired inside the transaction; observers act after it committed. */
    public record Recorded(boolean job, boolean deliveries) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<Recorded> recorded;

    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(EventEnvelope event, ConsumerRecord<String, String> record) {
        JsonNode data = event.tree(mapper);
        String applicationId = text(data, "applicationId");
        if (applicationId == null) {
            applicationId = event.key();
        }
        String companyBin = text(data, "companyBin");
        if (companyBin == null || !companyBin.matches("\\d{12}")) {
            LOG.debugf("%s %s names no company, skipped", event.type(), event.id());
            return;
        }
        em.createNativeQuery("INSERT INTO known_company (company_bin, first_seen_at) VALUES (:bin, :now) "
                + "ON CONFLICT DO NOTHING").setParameter("bin", companyBin).setParameter("now", now()).executeUpdate();

        OffsetDateTime occurredAt = time(header(record, "ce_time"));
        boolean job = false;
        if (EventTypes.MAIL_TYPES.contains(event.type()) && EventTypes.template(event.type()) != null) {
            recordJob(event.id(), event.type(), applicationId, companyBin, event.rawData(), occurredAt);
            job = true;
        }
        boolean deliveries = false;
        if (EventTypes.WEBHOOK_TYPES.contains(event.type())) {
            deliveries = enqueueDeliveries(event, record, data, applicationId, companyBin) > 0;
        }
        if (job || deliveries) {
            recorded.fire(new Recorded(job, deliveries));
        }
    }

    /** Records an e-mail job (also used for the weekly digest and for "webhook disabled"); false if it exists. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordJob(String eventId, String type, String applicationId, String companyBin, String payload,
                             OffsetDateTime occurredAt) {
        if (NotificationJob.findById(eventId) != null) {
            return false;
        }
        NotificationJob j = new NotificationJob();
        j.eventId = eventId;
        j.eventType = type;
        j.applicationId = applicationId;
        j.companyBin = companyBin;
        j.payload = payload;
        j.occurredAt = occurredAt;
        j.status = NotificationJob.PENDING;
        j.createdAt = now();
        j.nextAttemptAt = j.createdAt;
        j.persist();
        return true;
    }

    /** Wakes the composer once the caller's transaction commits (the digest and disable paths). */
    public void jobRecorded() {
        recorded.fire(new Recorded(true, false));
    }

    private int enqueueDeliveries(EventEnvelope event, ConsumerRecord<String, String> record, JsonNode data,
                                  String applicationId, String companyBin) {
        // a disabled endpoint keeps collecting its deliveries (not sent while disabled): enabling it again resumes
        // them, so nothing is lost while a partner fixes its receiver
        List<WebhookEndpoint> endpoints = WebhookEndpoint.list("companyBin", companyBin);
        int n = 0;
        String body = null;
        for (WebhookEndpoint endpoint : endpoints) {
            if (!endpoint.eventTypeList().contains(event.type())) {
                continue;
            }
            if (body == null) {
                body = cloudEvent(event, record, data);
            }
            n += em.createNativeQuery("INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, "
                            + "application_id, body, status, attempts, next_attempt_at, created_at) VALUES (:id, "
                            + ":endpoint, :event, :type, :app, :body, 'PENDING', 0, :now, :now) ON CONFLICT DO NOTHING")
                    .setParameter("id", UUID.randomUUID()).setParameter("endpoint", endpoint.id)
                    .setParameter("event", event.id()).setParameter("type", event.type())
                    .setParameter("app", applicationId).setParameter("body", body).setParameter("now", now())
                    .executeUpdate();
        }
        return n;
    }

    /** The domain event as a CloudEvent in structured JSON mode (the webhook body). */
    private String cloudEvent(EventEnvelope event, ConsumerRecord<String, String> record, JsonNode data) {
        ObjectNode ce = mapper.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", event.id());
        ce.put("source", event.source() == null ? "urn:expat:unknown" : event.source());
        ce.put("type", event.type());
        if (event.subject() != null) {
            ce.put("subject", event.subject());
        }
        String time = header(record, "ce_time");
        if (time != null) {
            ce.put("time", time);
        }
        ce.put("datacontenttype", "application/json");
        ce.set("data", data);
        try {
            return mapper.writeValueAsString(ce);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode data, String field) {
        JsonNode v = data == null ? null : data.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static OffsetDateTime time(String iso) {
        try {
            return iso == null ? null : OffsetDateTime.parse(iso);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
