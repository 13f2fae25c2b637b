package kz.aifc.expat.application.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import kz.aifc.expat.application.client.WorkingCalendar;
import kz.aifc.expat.application.messaging.Events;
import kz.aifc.expat.application.model.AppState;
import kz.aifc.expat.application.model.Application;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.problem.ProblemException;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static kz.aifc.expat.application.service.CatalogCalls.catalogCall;

/**
 * The processing deadline. The guide gives "N working days"; our one reading, shared with fee-service's quotes:
 * counted in the office's working days (catalog-service's calendar and arithmetic) from the day the originals are
 * received at the visit — due = catalog add-working-days(that day, N). It pauses while the company corrects
 * documents (the paused working days are added on resubmission), officers may extend it by up to 30 calendar days
 * in total, and a calendar change published by the catalog recomputes every running due date (with history).
 */
@ApplicationScoped
public class DeadlineService {

    private static final Logger LOG = Logger.getLogger(DeadlineService.class);

    @Inject
    WorkingCalendar calendar;

    @Inject
    LifecycleService lifecycle;

    @Inject
    Outbox outbox;

    @Inject
    AppClock clock;

    /**
     * The due date the clock would start with if the originals were received today, asked of the catalog before the
     * application row is locked (the inputs it was computed from are kept, so a change meanwhile is noticed).
     */
    public record StartQuote(LocalDate received, int processingDays, int pausedWorkingDays, int extensionDays,
                             LocalDate dueDate) {

        boolean fits(Application a, LocalDate today) {
            return received.equals(today) && a.processingDays != null && processingDays == a.processingDays
                    && pausedWorkingDays == a.pausedWorkingDays && extensionDays == a.extensionDays;
        }
    }

    /**
     * The start quote of an application whose clock has not started yet (null if it has, or has no deadline, or is
     * unknown), for an event handler: read and asked with no transaction of the caller's open; a catalog outage makes
     * the inbox retry the event.
     */
    public StartQuote quoteStart(UUID applicationId) {
        Application snapshot = QuarkusTransaction.requiringNew().call(() -> Application.findById(applicationId));
        return snapshot == null ? null : CatalogCalls.retriedOnOutage(() -> quoteStart(snapshot));
    }

    StartQuote quoteStart(Application snapshot) {
        if (snapshot.originalsReceivedAt != null || snapshot.processingDays == null || snapshot.state.isFinal()) {
            return null;
        }
        LocalDate today = clock.today();
        return new StartQuote(today, snapshot.processingDays, snapshot.pausedWorkingDays, snapshot.extensionDays,
                due(today, snapshot.processingDays, snapshot.pausedWorkingDays, snapshot.extensionDays));
    }

    /**
     * The first receipt of the originals starts the clock; a case sent back later keeps it (paused, not reset). The
     * due date comes from {@code quote}, computed before the lock; one that no longer fits (inputs changed
     * meanwhile, a day passed) fails the step, and the event is retried with a fresh quote.
     */
    void startClock(Application a, StartQuote quote) {
        if (a.originalsReceivedAt != null) {
            return;
        }
        if (a.processingDays != null && (quote == null || !quote.fits(a, clock.today()))) {
            throw new IllegalStateException("the deadline of application " + a.id + " was not computed for its "
                    + "current inputs before the lock; the event is retried");
        }
        a.originalsReceivedAt = clock.now();
        if (a.processingDays == null) {
            return; // the guide states no processing time for this service: no due date to track
        }
        a.dueDate = quote.dueDate();
    }

    /** The due date from its inputs: the only formula (also used to recompute after a calendar change). */
    LocalDate due(LocalDate received, int processingDays, int pausedWorkingDays, int extensionDays) {
        LocalDate working = catalogCall(() -> calendar.addWorkingDays(received, processingDays + pausedWorkingDays));
        return working.plusDays(extensionDays);
    }

    void pause(Application a) {
        if (a.dueDate != null && a.pausedSince == null) {
            a.pausedSince = clock.today();
        }
    }

    public record Resumed(LocalDate dueDate, int pausedWorkingDays) {
    }

    /** What resuming a paused deadline today gives (null when nothing is paused); needs the catalog: call unlocked. */
    Resumed resumed(Application snapshot) {
        if (snapshot.pausedSince == null || snapshot.dueDate == null || snapshot.originalsReceivedAt == null) {
            return null;
        }
        int paused = catalogCall(() -> calendar.workingDaysBetween(snapshot.pausedSince, clock.today()));
        int total = snapshot.pausedWorkingDays + paused;
        return new Resumed(due(clock.dateOf(snapshot.originalsReceivedAt), snapshot.processingDays, total,
                snapshot.extensionDays), total);
    }

    void resume(Application a, LocalDate dueDate, int pausedWorkingDays) {
        if (a.pausedSince != null && dueDate != null) {
            a.pausedWorkingDays = pausedWorkingDays;
            a.dueDate = dueDate;
        }
        a.pausedSince = null;
    }

    void extend(Application a, Integer days, String reason, String actor, String role) {
        if (days == null || LifecycleService.blank(reason)) {
            throw ProblemException.badRequest("days", "days (1..30) and a comment with the reason are required");
        }
        if (a.dueDate == null) {
            throw ProblemException.ruleViolated("no-deadline", "This case has no running deadline to extend");
        }
        if (a.extensionDays + days > 30) {
            throw ProblemException.ruleViolated("deadline-extension-limit", "State bodies may extend by up to 30 "
                    + "calendar days in total; " + a.extensionDays + " already used");
        }
        a.extensionDays += days;
        a.extensionReason = reason;
        a.dueDate = a.dueDate.plusDays(days);
        a.updatedAt = clock.now();
        lifecycle.history(a, Action.EXTEND_DEADLINE.slug(), a.state, a.state, actor, role,
                "+" + days + " calendar days: " + reason);
    }

    /**
     * catalog.calendar-changed: every open case with a running deadline that may span the changed day gets its due
     * date recomputed from its inputs; a change is written to its history and published. The catalog is asked
     * first; each case is then locked and written in its own short transaction (skipped if it changed meanwhile).
     */
    public int recomputeAfterCalendarChange(LocalDate changed) {
        calendar.forget();
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> Application.<Application>list(
                        "dueDate is not null and originalsReceivedAt is not null and state not in :closed",
                        Sort.by("id"), Parameters.with("closed", AppState.FINAL)).stream()
                .filter(a -> !clock.dateOf(a.originalsReceivedAt).isAfter(changed))
                .map(a -> a.id).toList());
        int moved = 0;
        for (UUID id : ids) {
            Application snapshot = QuarkusTransaction.requiringNew().call(() -> Application.findById(id));
            LocalDate recomputed = due(clock.dateOf(snapshot.originalsReceivedAt), snapshot.processingDays,
                    snapshot.pausedWorkingDays, snapshot.extensionDays);
            if (recomputed.equals(snapshot.dueDate)) {
                continue;
            }
            boolean written = QuarkusTransaction.requiringNew().call(() -> {
                Application a = Application.findById(id, LockModeType.PESSIMISTIC_WRITE);
                if (a.version != snapshot.version || a.state.isFinal()) {
                    return false; // changed meanwhile: its own next step uses the new calendar
                }
                LocalDate before = a.dueDate;
                a.dueDate = recomputed;
                a.updatedAt = clock.now();
                lifecycle.history(a, "recompute-deadline", a.state, a.state, "catalog-service", "system",
                        "office calendar changed on " + changed + ": due " + before + " → " + recomputed);
                outbox.publish(Events.TOPIC, Events.DEADLINE_RECOMPUTED, a.id.toString(),
                        new Events.DeadlineRecomputed(a.id, a.companyBin, before, recomputed, changed, clock.now()));
                return true;
            });
            if (written) {
                moved++;
            }
        }
        LOG.infof("calendar change on %s: %d running deadline(s) recomputed", changed, moved);
        return moved;
    }

    public record Report(LocalDate today, LocalDate nearingUntil, List<Application> overdue,
                         List<Application> nearing) {
    }

    public Report report(int withinWorkingDays, String companyBin) {
        LocalDate today = clock.today();
        LocalDate until = catalogCall(() -> calendar.addWorkingDays(today, withinWorkingDays));
        String base = "dueDate is not null and state not in :closed and state <> :paused"
                + (companyBin == null ? "" : " and companyBin = :bin");
        List<Application> overdue = Application.list(base + " and dueDate < :today", Sort.by("dueDate"),
                params(companyBin).and("today", today));
        List<Application> nearing = Application.list(base + " and dueDate >= :today and dueDate <= :until",
                Sort.by("dueDate"), params(companyBin).and("today", today).and("until", until));
        return new Report(today, until, overdue, nearing);
    }

    private static Parameters params(String companyBin) {
        Parameters p = Parameters.with("closed", AppState.FINAL).and("paused", AppState.CHANGES_REQUESTED);
        return companyBin == null ? p : p.and("bin", companyBin);
    }
}
