package kz.aifc.expat.notification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import kz.aifc.expat.notification.config.NotificationConfig;
import kz.aifc.expat.notification.model.Notification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Hands queued messages to the SMTP server. A message is claimed with FOR UPDATE SKIP LOCKED and a lease in a short
 * transaction, sent with no transaction open, and its outcome written in another: SENT with the server's message
 * id, or QUEUED again with exponential back-off (FAILED after the configured attempts). Two replicas never hold the
 * same message; one killed mid-send leaves it to be sent again when the lease ends (with the same Message-ID, so the
 * rare duplicate is recognisable).
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);

    @Inject
    EntityManager em;

    @Inject
    MailClient mail;

    @Inject
    NotificationConfig config;

    @Inject
    ManagedExecutor executor;

    @Inject
    Scheduler scheduler;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.mailer.from")
    String from;

    private Sweep sweep;

    void onStart(@Observes StartupEvent start) {
        sweep = new Sweep("mail relay", executor, this::sendDue);
        sweep.start();
        scheduler.newJob("mail-relay").setInterval("1s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(e -> sweep.run()).schedule();
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (sweep != null) {
            sweep.stop();
        }
    }

    /** New messages were committed: send now rather than at the next sweep. */
    public void wake() {
        if (sweep != null) {
            sweep.wake();
        }
    }

    private void sendDue() {
        // one message per claim: a lease must cover one send, not a whole batch sent one after the other
        // (a batch outlasting its lease let another replica claim and send the same messages again)
        List<UUID> ids;
        while (sweep.started() && !(ids = claim()).isEmpty()) {
            ids.forEach(this::sendOne);
        }
    }

    @SuppressWarnings("unchecked")
    List<UUID> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = Intake.now();
            List<Notification> due = em.createNativeQuery("SELECT * FROM notification WHERE status = 'QUEUED' AND "
                            + "next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now) "
                            + "ORDER BY next_attempt_at, created_at LIMIT :n FOR UPDATE SKIP LOCKED", Notification.class)
                    .setParameter("now", now).setParameter("n", 1).getResultList();
            due.forEach(n -> {
                n.leaseUntil = now.plus(config.mail().lease());
                n.attempts++;
                n.updatedAt = now;
            });
            return due.stream().map(n -> n.id).toList();
        });
    }

    void sendOne(UUID id) {
        Notification n = QuarkusTransaction.requiringNew().call(() -> {
            Notification found = Notification.findById(id);
            if (found != null) {
                em.detach(found);
            }
            return found;
        });
        if (n == null || !Notification.QUEUED.equals(n.status)) {
            return;
        }
        String smtpId;
        try {
            smtpId = mail.sendMail(message(n)).await().atMost(config.mail().sendTimeout()).getMessageID();
        } catch (RuntimeException e) {
            failed(id, e);
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Notification row = em.find(Notification.class, id, LockModeType.PESSIMISTIC_WRITE);
            row.status = Notification.SENT;
            row.sentAt = Intake.now();
            row.updatedAt = row.sentAt;
            row.smtpMessageId = smtpId == null ? row.messageId : smtpId;
            row.leaseUntil = null;
            row.lastError = null;
        });
        Counter.builder("expat.notification.mail.sent").description("E-mails accepted by the SMTP server")
                .tags("template", n.template, "language", n.language).register(registry).increment();
    }

    private void failed(UUID id, RuntimeException e) {
        QuarkusTransaction.requiringNew().run(() -> {
            Notification row = em.find(Notification.class, id, LockModeType.PESSIMISTIC_WRITE);
            row.lastError = JobComposer.truncate(e.toString(), 2000);
            row.leaseUntil = null;
            row.updatedAt = Intake.now();
            if (row.attempts >= config.mail().maxAttempts()) {
                row.status = Notification.FAILED;
                LOG.errorf("giving up on message %s to %s after %d attempts: %s", id, row.recipient, row.attempts,
                        row.lastError);
            } else {
                row.nextAttemptAt = row.updatedAt.plus(Backoff.exponential(row.attempts, config.mail().backoffBase(),
                        config.mail().backoffMax()));
                LOG.warnf("message %s to %s not sent (attempt %d, next %s): %s", id, row.recipient, row.attempts,
                        row.nextAttemptAt, row.lastError);
            }
        });
        Counter.builder("expat.notification.mail.failed").description("E-mail attempts that failed (retried with back-off)")
                .register(registry).increment();
    }

    private MailMessage message(Notification n) {
        MailMessage m = new MailMessage().setFrom(from).setTo(List.of(n.recipient)).setSubject(n.subject)
                .setText(n.bodyText).setHtml(n.bodyHtml);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        headers.add("Message-ID", n.messageId);
        headers.add("Content-Language", n.language);
        headers.add("X-Expat-Notification", n.id.toString());
        if (n.applicationId != null) {
            headers.add("X-Expat-Application", n.applicationId);
        }
        m.setHeaders(headers);
        if (n.attachment != null) {
            m.setAttachment(List.of(MailAttachment.create()
                    .setData(Buffer.buffer(n.attachment.getBytes(StandardCharsets.UTF_8)).getDelegate())
                    .setContentType(n.attachmentType + "; charset=utf-8; method=PUBLISH")
                    .setName(n.attachmentName).setDisposition("attachment")));
        }
        return m;
    }
}
