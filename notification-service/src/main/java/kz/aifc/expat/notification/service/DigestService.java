package kz.aifc.expat.notification.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.aifc.expat.notification.config.NotificationConfig;
import kz.aifc.expat.notification.messaging.EventTypes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * The weekly visa-expiry digest. Chosen design: notification-service asks application-service's radar
 * ({@code GET /api/v1/radar/visa-expiry?companyBin=}) with its own service account, once a week per company it has
 * seen in events — application-service keeps owning the rule (30..5 working days before expiry) and publishes
 * nothing new. One job per company and ISO week ({@code digest:<bin>:<yyyy-Www>}), so two replicas firing the same
 * schedule, or a re-run, queue it once; the composer reads the radar outside any transaction and skips companies with
 * nobody in the window.
 */
@ApplicationScoped
public class DigestService {

    @Inject
    Intake intake;

    @Inject
    EntityManager em;

    @Inject
    NotificationConfig config;

    @Scheduled(identity = "visa-expiry-digest", cron = "${expat.notification.digest.cron}",
            timeZone = "Asia/Almaty", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void weekly() {
        queue(null);
    }

    /** Queues this week's digest for one company or (null) every known company; returns how many were new. */
    @Transactional
    public int queue(String companyBin) {
        LocalDate today = LocalDate.now(ZoneId.of(config.timeZone()));
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        @SuppressWarnings("unchecked")
        List<String> companies = companyBin != null ? List.of(companyBin)
                : em.createNativeQuery("SELECT company_bin FROM known_company ORDER BY company_bin").getResultList();
        int queued = 0;
        for (String bin : companies) {
            String payload = "{\"companyBin\":\"" + bin + "\",\"week\":\"" + week + "\"}";
            if (intake.recordJob("digest:" + bin + ":" + week, EventTypes.VISA_EXPIRY_DIGEST, null, bin, payload,
                    Intake.now())) {
                queued++;
            }
        }
        if (queued > 0) {
            intake.jobRecorded();
        }
        return queued;
    }
}
