package kz.aifc.expat.scheduling.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Hold expiry and reminders; both are safe with several replicas (conditional updates, SKIP LOCKED). */
@ApplicationScoped
public class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    @Inject
    BookingService booking;

    @Scheduled(identity = "hold-sweeper", every = "${scheduling.hold-sweep-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireHolds() {
        try {
            int released = booking.expireHolds();
            if (released > 0) {
                LOG.infof("released %d seat(s) of expired holds", released);
            }
        } catch (RuntimeException e) {
            LOG.warnf("hold sweep failed: %s", e.toString());
        }
    }

    @Scheduled(identity = "reminders", every = "${scheduling.reminder-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reminders() {
        try {
            int sent;
            do {
                sent = booking.sendDueReminders();
            } while (sent == 200);
        } catch (RuntimeException e) {
            LOG.warnf("reminder job failed: %s", e.toString());
        }
    }
}
