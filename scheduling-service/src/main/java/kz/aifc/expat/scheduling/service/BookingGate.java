package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.aifc.expat.scheduling.messaging.Events;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.model.AppointmentStatus;
import kz.aifc.expat.scheduling.model.BookableApplication;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;

/**
 * Whether an application may book: opened by documents.approved, closed (its active visit cancelled, the seats
 * given back) when the case is sent back, withdrawn or cancelled. Stale and foreign events are ignored.
 */
@ApplicationScoped
public class BookingGate {

    private static final Logger LOG = Logger.getLogger(BookingGate.class);

    @Inject
    Appointments appointments;

    @Transactional
    public void openBooking(Events.DocumentsApproved event) {
        int round = event.round() == null ? 0 : event.round();
        BookableApplication app = BookableApplication.lock(event.applicationId());
        OffsetDateTime now = appointments.now();
        if (app == null) {
            app = new BookableApplication();
            app.applicationId = event.applicationId();
            app.companyBin = event.companyBin();
            app.serviceCode = event.serviceCode();
            app.round = round;
            app.open = event.visitNeeded();
            // corrected documents after the visit: remembered closed, so the case's record here says why
            app.closedReason = event.visitNeeded() ? null : BookableApplication.ORIGINALS_RECEIVED;
            app.approvedAt = now;
            app.updatedAt = now;
            app.persist();
            return;
        }
        if (!app.companyBin.equals(event.companyBin())) {
            LOG.warnf("ignoring documents.approved for %s: company %s does not match %s", app.applicationId,
                    event.companyBin(), app.companyBin);
            return;
        }
        if (app.closedForGood() || (!app.open && round <= app.round)) {
            LOG.infof("ignoring stale documents.approved (round %d) for %s closed as %s (round %d)", round,
                    app.applicationId, app.closedReason, app.round);
            return;
        }
        if (!event.visitNeeded()) {
            // the originals are already at the office: never open booking for corrected documents. An open record
            // (and any active visit) is left alone: cancelling it would send the case back a step.
            app.round = Math.max(app.round, round);
            if (!app.open) {
                app.closedReason = BookableApplication.ORIGINALS_RECEIVED;
            } else {
                LOG.infof("documents.approved (round %d) for %s needs no visit, but booking is open: left open",
                        round, app.applicationId);
            }
            app.approvedAt = now;
            app.updatedAt = now;
            return;
        }
        app.open = true;
        app.closedReason = null;
        app.round = Math.max(app.round, round);
        if (event.serviceCode() != null) {
            app.serviceCode = event.serviceCode();
        }
        app.approvedAt = now;
        app.updatedAt = now;
    }

    /** Closes booking and cancels the active appointment (its seat is released). */
    @Transactional
    public void closeBooking(String applicationId, String companyBin, String reason, Integer round, String why) {
        BookableApplication app = BookableApplication.lock(applicationId);
        OffsetDateTime now = appointments.now();
        if (app == null) {
            // remember it, so that an older documents.approved arriving late does not open booking
            app = new BookableApplication();
            app.applicationId = applicationId;
            app.companyBin = companyBin;
            app.round = round == null ? 0 : round;
            app.open = false;
            app.closedReason = reason;
            app.updatedAt = now;
            app.persist();
            return;
        }
        if (!app.companyBin.equals(companyBin)) {
            LOG.warnf("ignoring %s for %s: company %s does not match %s", reason, applicationId, companyBin,
                    app.companyBin);
            return;
        }
        if (round != null && app.open && app.round > round) {
            LOG.infof("ignoring stale %s (round %d) for %s approved in round %d", reason, round, applicationId,
                    app.round);
            return;
        }
        if (!app.closedForGood()) {
            app.open = false;
            app.closedReason = reason;
        }
        if (round != null) {
            app.round = Math.max(app.round, round);
        }
        app.updatedAt = now;
        Appointment active = Appointment.find("applicationId = ?1 and status in ?2", applicationId,
                AppointmentStatus.ACTIVE).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (active != null) {
            appointments.cancel(active, why, Actor.SYSTEM.name());
        }
    }
}
