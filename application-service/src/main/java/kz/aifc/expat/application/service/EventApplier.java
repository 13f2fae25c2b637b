package kz.aifc.expat.application.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.aifc.expat.application.messaging.Events;
import kz.aifc.expat.application.model.Application;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Effects of document-service and scheduling-service events. Facts are recorded first (latest approved / changes
 * round, the appointment's last known status), then {@link LifecycleService#reconcile} derives the state, so
 * duplicates change nothing and out-of-order arrivals converge: e.g. an appointment.booked that overtakes
 * documents.approved is kept and applied as soon as the approval arrives. Events of older rounds are ignored.
 */
@ApplicationScoped
public class EventApplier {

    private static final Logger LOG = Logger.getLogger(EventApplier.class);

    @Inject
    LifecycleService applications;

    @Transactional(Transactional.TxType.MANDATORY)
    public void documentsApproved(Events.DocumentsApproved e, String source, DeadlineService.StartQuote quote) {
        Application a = find(e.applicationId(), "documents.approved");
        if (a == null) {
            return;
        }
        int round = e.round() == null ? Math.max(1, a.reviewRound) : e.round();
        if (round < Math.max(a.docsApprovedRound, a.docsChangesRound)) {
            LOG.infof("ignoring stale documents.approved round %d for %s", round, a.id);
            return;
        }
        a.docsApprovedRound = round;
        reconcile(a, source, quote);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void documentsChangesRequested(Events.DocumentsChangesRequested e, String source) {
        Application a = find(e.applicationId(), "documents.changes-requested");
        if (a == null) {
            return;
        }
        int round = e.round() == null ? Math.max(1, a.reviewRound) : e.round();
        if (round < Math.max(a.docsApprovedRound, a.docsChangesRound)
                || (round == a.docsApprovedRound && round > 0)) {
            LOG.infof("ignoring stale documents.changes-requested round %d for %s", round, a.id);
            return;
        }
        a.docsChangesRound = round;
        if (a.state == kz.aifc.expat.application.model.AppState.SUBMITTED
                || a.state == kz.aifc.expat.application.model.AppState.UNDER_REVIEW) {
            List<Events.RequestedDocument> docs = e.rejected() == null ? List.of() : e.rejected();
            guard(() -> applications.requestChanges(a, round, docs, source, "system",
                    docs.size() + " document(s) to correct (round " + round + ")"));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appointment(String type, Events.AppointmentEvent e, String source,
                            DeadlineService.StartQuote quote) {
        Application a = find(e.applicationId(), type);
        if (a == null || e.appointmentId() == null) {
            return;
        }
        String id = e.appointmentId();
        switch (type) {
            case "appointment.booked" -> {
                if (a.appointmentCancelled(id)) {
                    LOG.infof("ignoring booked for appointment %s already cancelled", id);
                    return;
                }
                a.appointmentId = id;
                a.appointmentStatus = "BOOKED";
                a.appointmentStart = e.start();
            }
            case "appointment.rescheduled" -> {
                if (id.equals(a.appointmentId)) {
                    a.appointmentStart = e.start();
                }
            }
            // auto-cancelled: scheduling-service's confirmation rule released the seat (published instead of
            // appointment.cancelled, so the application goes back exactly as on an ordinary cancellation)
            case "appointment.cancelled", "appointment.auto-cancelled", "appointment.no-show" -> {
                a.markAppointmentCancelled(id);
                if (id.equals(a.appointmentId)) {
                    a.appointmentStatus = type.equals("appointment.no-show") ? "NO_SHOW" : "CANCELLED";
                }
            }
            case "appointment.completed" -> {
                if (a.appointmentId == null || id.equals(a.appointmentId)) {
                    a.appointmentId = id;
                    a.appointmentStatus = "COMPLETED";
                }
            }
            default -> {
                return;
            }
        }
        a.appointmentEventAt = e.at();
        reconcile(a, source, quote);
    }

    /** document.outcome-uploaded: the issued document is in document-service; completion may now record it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void outcomeUploaded(Events.OutcomeDocumentUploaded e) {
        Application a = find(e.applicationId(), "document.outcome-uploaded");
        if (a == null || e.documentId() == null || !a.companyBin.equals(e.companyBin())) {
            return;
        }
        if (a.addOutcomeDocument(e.documentId())) {
            applications.history(a, "outcome-document", a.state, a.state, "document-service", "system",
                    "issued document " + e.documentId() + (e.filename() == null ? "" : " (" + e.filename() + ")")
                            + " uploaded");
        }
    }

    private void reconcile(Application a, String source, DeadlineService.StartQuote quote) {
        if (a.state.isFinal()) {
            return;
        }
        guard(() -> applications.reconcile(a, source, quote));
    }

    private Application find(String applicationId, String type) {
        UUID id;
        try {
            id = applicationId == null ? null : UUID.fromString(applicationId);
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            LOG.debugf("ignoring %s about an application id this service never issues: %s", type, applicationId);
            return null;
        }
        Application a = Application.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            LOG.debugf("ignoring %s for unknown application %s", type, id);
        }
        return a;
    }

    /** A catalog outage while deriving a deadline must make the inbox retry the event, not dead-letter it. */
    private static void guard(Runnable step) {
        CatalogCalls.retriedOnOutage(() -> {
            step.run();
            return null;
        });
    }
}
