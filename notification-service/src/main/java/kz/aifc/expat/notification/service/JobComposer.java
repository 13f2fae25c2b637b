package kz.aifc.expat.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import kz.aifc.expat.notification.client.Lookups;
import kz.aifc.expat.notification.config.NotificationConfig;
import kz.aifc.expat.notification.model.Notification;
import kz.aifc.expat.notification.model.NotificationJob;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Works the e-mail jobs off: claims due jobs (SKIP LOCKED + lease: one replica per job), composes them outside any
 * transaction, then writes their notification rows and marks them DONE in one transaction. A job whose
 * dependencies are down is retried with back-off; the message rows' unique key makes a second composition of the
 * same job (after a lease ran out) a no-op.
 */
@ApplicationScoped
public class JobComposer {

    private static final Logger LOG = Logger.getLogger(JobComposer.class);
    private static final int BATCH = 20;

    @Inject
    EntityManager em;

    @Inject
    Composer composer;

    @Inject
    NotificationConfig config;

    @Inject
    ManagedExecutor executor;

    @Inject
    Scheduler scheduler;

    @Inject
    MailRelay mailRelay;

    private Sweep sweep;

    void onStart(@Observes StartupEvent start) {
        sweep = new Sweep("composer", executor, this::composeDue);
        sweep.start();
        scheduler.newJob("notification-composer").setInterval("2s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(e -> sweep.run()).schedule();
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (sweep != null) {
            sweep.stop();
        }
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Intake.Recorded recorded) {
        if (recorded.job() && sweep != null) {
            sweep.wake();
        }
    }

    private void composeDue() {
        List<String> ids;
        do {
            ids = claim();
            for (String id : ids) {
                if (composeOne(id)) {
                    mailRelay.wake(); // its messages go out now, not after the rest of the batch is composed
                }
            }
        } while (ids.size() == BATCH && sweep.started());
    }

    @SuppressWarnings("unchecked")
    List<String> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = Intake.now();
            List<NotificationJob> jobs = em.createNativeQuery("SELECT * FROM notification_job WHERE status = 'PENDING' "
                            + "AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now) "
                            + "ORDER BY next_attempt_at LIMIT :n FOR UPDATE SKIP LOCKED", NotificationJob.class)
                    .setParameter("now", now).setParameter("n", BATCH).getResultList();
            jobs.forEach(j -> {
                j.leaseUntil = now.plus(config.compose().lease());
                j.attempts++;
            });
            return jobs.stream().map(j -> j.eventId).toList();
        });
    }

    /** Returns whether messages were written. */
    boolean composeOne(String eventId) {
        NotificationJob job = QuarkusTransaction.requiringNew().call(() -> {
            NotificationJob j = NotificationJob.findById(eventId);
            if (j != null) {
                em.detach(j);
            }
            return j;
        });
        if (job == null || !NotificationJob.PENDING.equals(job.status)) {
            return false;
        }
        List<Composer.Draft> drafts;
        try {
            drafts = composer.compose(job);
        } catch (RuntimeException e) {
            boolean outage = e instanceof Lookups.Unavailable;
            if (!outage) {
                LOG.errorf(e, "composing %s %s failed", job.eventType, eventId);
            }
            retryLater(eventId, e);
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            NotificationJob j = em.find(NotificationJob.class, eventId, LockModeType.PESSIMISTIC_WRITE);
            if (j == null || !NotificationJob.PENDING.equals(j.status)) {
                return false; // another replica finished it after our lease ran out
            }
            OffsetDateTime now = Intake.now();
            for (Composer.Draft d : drafts) {
                em.createNativeQuery("INSERT INTO notification (id, event_id, event_type, template, application_id, "
                                + "company_bin, recipient, recipient_kind, language, subject, body_text, body_html, "
                                + "attachment_name, attachment_type, attachment, status, attempts, next_attempt_at, "
                                + "message_id, created_at, updated_at) VALUES (:id, :event, :type, :template, :app, "
                                + ":bin, :to, :kind, :lang, :subject, :text, :html, :an, :at, :a, 'QUEUED', 0, :now, "
                                + ":mid, :now, :now) ON CONFLICT (event_id, template, recipient) DO NOTHING")
                        .setParameter("id", UUID.randomUUID()).setParameter("event", j.eventId)
                        .setParameter("type", j.eventType).setParameter("template", d.template())
                        .setParameter("app", j.applicationId).setParameter("bin", j.companyBin)
                        .setParameter("to", d.recipient()).setParameter("kind", d.recipientKind())
                        .setParameter("lang", d.content().language()).setParameter("subject", d.content().subject())
                        .setParameter("text", d.content().text()).setParameter("html", d.content().html())
                        .setParameter("an", d.attachmentName()).setParameter("at", d.attachmentType())
                        .setParameter("a", d.attachment())
                        .setParameter("mid", "<" + UUID.randomUUID() + "@" + config.mail().messageIdDomain() + ">")
                        .setParameter("now", now).executeUpdate();
            }
            j.status = NotificationJob.DONE;
            j.doneAt = now;
            j.leaseUntil = null;
            j.lastError = null;
            return !drafts.isEmpty();
        });
    }

    private void retryLater(String eventId, RuntimeException e) {
        QuarkusTransaction.requiringNew().run(() -> {
            NotificationJob j = em.find(NotificationJob.class, eventId, LockModeType.PESSIMISTIC_WRITE);
            if (j == null || !NotificationJob.PENDING.equals(j.status)) {
                return;
            }
            j.lastError = truncate(e.toString(), 2000);
            j.leaseUntil = null;
            if (j.attempts >= config.compose().maxAttempts()) {
                j.status = NotificationJob.FAILED;
                LOG.errorf("giving up on %s %s after %d attempts: %s", j.eventType, eventId, j.attempts, j.lastError);
            } else {
                j.nextAttemptAt = Intake.now().plus(Backoff.exponential(j.attempts, config.compose().backoffBase(),
                        config.compose().backoffMax()));
                LOG.warnf("%s %s not composed yet (attempt %d, next %s): %s", j.eventType, eventId, j.attempts,
                        j.nextAttemptAt, j.lastError);
            }
        });
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** For tests and ops: how many messages a job led to. */
    public static long messagesOf(String eventId) {
        return Notification.count("eventId", eventId);
    }
}
