package kz.aifc.expat.scheduling.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Hold expiry, reminders and the confirmation rule; all are safe with several replicas (conditional updates, SKIP LOCKED). */
@ApplicationScoped
public class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    @Inject
    SeatLedger seats;

    @Inject
    AttendanceRule attendance;

    @Scheduled(identity = "hold-sweeper", every = "${scheduling.hold-sweep-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireHolds() {
        try {
            int released = seats.expireHolds();
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
        // reminders first: a visit reminded in this run is never cancelled in it (its deadline lies ahead)
        try {
            attendance.sendDueReminders();
        } catch (RuntimeException e) {
            LOG.warnf("reminder job failed: %s", e.toString());
        }
        try {
            attendance.cancelUnconfirmed();
        } catch (RuntimeException e) {
            LOG.warnf("unconfirmed-visit cancellation failed: %s", e.toString());
        }
    }
}
