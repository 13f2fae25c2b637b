package kz.aifc.expat.application.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.application.messaging.Events;
import kz.aifc.expat.application.model.AppState;
import kz.aifc.expat.application.model.Application;
import kz.aifc.expat.application.model.HistoryEntry;
import kz.aifc.expat.application.service.Commands.ActionCommand;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The state machine: which actions the caller may take, taking them (history row + status-changed event in the
 * same transaction), and {@link #reconcile} — the state derived from what document- and scheduling-service told us.
 * Whatever an action needs from the catalog is read before the application row is locked.
 */
@ApplicationScoped
public class LifecycleService {

    @Inject
    CallerContext caller;

    @Inject
    ApplicationQueries queries;

    @Inject
    Submission submission;

    @Inject
    DeadlineService deadlines;

    @Inject
    CaseOutcome outcome;

    @Inject
    Outbox outbox;

    @Inject
    AppClock clock;

    /** Actions the caller may take now (for GET responses). */
    public List<String> allowedActions(Application a) {
        List<String> out = new ArrayList<>();
        Action.Actor actor = callerActor();
        for (Action action : Action.values()) {
            if (action.actor() == actor && action.allowedFrom(a.state) && claimAllows(a)) {
                out.add(action.slug());
            }
        }
        if (actor == Action.Actor.OFFICER && !a.state.isFinal()) {
            if (a.assignee == null) {
                out.add("claim");
            } else if (a.assignee.equals(caller.actorName()) || caller.isAdmin()) {
                out.add("release");
            }
            if (caller.isAdmin() || a.assignee == null || a.assignee.equals(caller.actorName())) {
                out.add("assign");
            }
        }
        return out;
    }

    public Application act(UUID id, String slug, ActionCommand body, String ifMatch) {
        Action action = Action.fromSlug(slug).orElseThrow(() -> ProblemException.notFound("Action", slug));
        ActionCommand req = body == null ? ActionCommand.EMPTY : body;
        // remote reads first (tenant-checked, unlocked), then lock the row and write
        Submission.Prepared prepared = action == Action.SUBMIT || action == Action.RESUBMIT
                ? submission.prepare(queries.visible(id, false), action) : null;
        return QuarkusTransaction.joiningExisting().call(() -> {
            Application a = queries.visible(id, true);
            Preconditions.ifMatch(ifMatch, a.version);
            Action.Actor actor = callerActor();
            if (action == Action.RECEIVE_ORIGINALS) {
                throw ProblemException.forbidden("Originals are received at the desk: check the visit in and "
                        + "complete it in scheduling-service (POST /api/v1/appointments/{id}/complete); the case "
                        + "follows from appointment.completed");
            }
            if (action.actor() == Action.Actor.SYSTEM) {
                throw ProblemException.forbidden("'" + slug + "' happens only on an event from another service");
            }
            if (action.actor() != actor) {
                throw ProblemException.forbidden("Your role cannot take the action '" + slug + "'");
            }
            if (!action.allowedFrom(a.state)) {
                throw illegal(a, slug);
            }
            if (actor == Action.Actor.OFFICER && !claimAllows(a)) {
                throw ProblemException.forbidden("The case is claimed by " + a.assignee
                        + "; only the assignee or an admin may act on it");
            }
            String actorName = caller.actorName();
            String role = callerRole();
            switch (action) {
                case SUBMIT -> submission.submit(a, prepared, actorName, role, req.comment());
                case RESUBMIT -> submission.resubmit(a, prepared, actorName, role, req.comment());
                case REQUEST_CHANGES -> {
                    if (blank(req.comment()) && (req.documents() == null || req.documents().isEmpty())) {
                        throw ProblemException.badRequest("comment", "say what must change (comment or documents)");
                    }
                    a.docsChangesRound = Math.max(a.docsChangesRound, a.docsApprovedRound);
                    List<Events.RequestedDocument> docs = req.documents() == null ? List.of()
                            : req.documents().stream().map(d -> new Events.RequestedDocument(d.requirementId(),
                            d.documentCode(), d.reason())).toList();
                    requestChanges(a, Math.max(a.reviewRound, a.docsChangesRound), docs, actorName, role,
                            req.comment());
                }
                case COMPLETE -> outcome.complete(a, req.outcome(), actorName, role, req.comment());
                case REJECT -> outcome.reject(a, req.reasons(), actorName, role, req.comment());
                case CANCEL -> {
                    if (blank(req.comment())) {
                        throw ProblemException.badRequest("comment", "a reason is required to " + slug);
                    }
                    transition(a, action, actorName, role, req.comment());
                }
                case WITHDRAW -> {
                    transition(a, action, actorName, role, req.comment());
                    if (a.submittedAt != null) {
                        outbox.publish(Events.TOPIC, Events.WITHDRAWN, a.id.toString(),
                                new Events.Withdrawn(a.id, a.companyBin, clock.now()));
                    }
                }
                case EXTEND_DEADLINE -> deadlines.extend(a, req.days(), req.comment(), actorName, role);
                default -> transition(a, action, actorName, role, req.comment());
            }
            Application.flush();
            return a;
        });
    }

    /**
     * Sends the case back to the company. A booked visit is cancelled by scheduling-service on the event; the
     * running deadline pauses; document-service reopens the checklist for the documents asked for.
     */
    void requestChanges(Application a, int round, List<Events.RequestedDocument> docs, String actor, String role,
                        String comment) {
        AppState from = a.state;
        transition(a, Action.REQUEST_CHANGES, actor, role, comment);
        deadlines.pause(a);
        a.appointmentId = null;
        a.appointmentStatus = null;
        a.appointmentStart = null;
        outbox.publish(Events.TOPIC, Events.CHANGES_REQUESTED, a.id.toString(),
                new Events.ChangesRequested(a.id, a.companyBin, round, docs, clock.now(), from.name(),
                        a.originalsReceivedAt != null));
    }

    /** Applies a state change: history row, status-changed event, timestamps. */
    void transition(Application a, Action action, String actor, String role, String comment) {
        AppState from = a.state;
        AppState to = action.to(from);
        a.state = to;
        a.updatedAt = clock.now();
        history(a, action.slug(), from, to, actor, role, comment);
        outbox.publish(Events.TOPIC, Events.STATUS_CHANGED, a.id.toString(), new Events.StatusChanged(a.id,
                a.companyBin, a.serviceCode, from.name(), to.name(), actor, a.updatedAt, comment));
    }

    /**
     * Brings the state in line with what document-service and scheduling-service have told us, whatever order their
     * events arrived in. Idempotent: calling it again changes nothing. {@code quote} is the deadline priced before
     * the lock, used if the originals turn out to be received now.
     */
    void reconcile(Application a, String actor, DeadlineService.StartQuote quote) {
        for (int i = 0; i < 5; i++) {
            String appt = a.appointmentStatus;
            if ((a.state == AppState.SUBMITTED || a.state == AppState.UNDER_REVIEW)
                    && a.docsApprovedRound > a.docsChangesRound) {
                transition(a, Action.APPROVE_DOCUMENTS, actor, "system", "documents approved (round "
                        + a.docsApprovedRound + ")");
            } else if (a.state == AppState.DOCUMENTS_APPROVED && a.originalsReceivedAt != null) {
                transition(a, Action.RESUME_AFTER_CHANGES, actor, "system", "corrected documents approved; the "
                        + "originals were received on " + clock.dateOf(a.originalsReceivedAt) + ", no new visit");
            } else if (a.state == AppState.DOCUMENTS_APPROVED && ("BOOKED".equals(appt) || "COMPLETED".equals(appt))) {
                transition(a, Action.BOOK_APPOINTMENT, actor, "system", "appointment " + a.appointmentId
                        + (a.appointmentStart == null ? "" : " at " + a.appointmentStart));
            } else if (a.state == AppState.APPOINTMENT_BOOKED && ("CANCELLED".equals(appt) || "NO_SHOW".equals(appt))) {
                transition(a, Action.CANCEL_APPOINTMENT, actor, "system", "appointment " + a.appointmentId + " "
                        + appt.toLowerCase(java.util.Locale.ROOT));
            } else if (a.state == AppState.APPOINTMENT_BOOKED && "COMPLETED".equals(appt)) {
                transition(a, Action.RECEIVE_ORIGINALS, actor, "system", "originals received at appointment "
                        + a.appointmentId);
                deadlines.startClock(a, quote);
            } else {
                return;
            }
        }
    }

    ProblemException illegal(Application a, String attempted) {
        return ProblemException.conflict("illegal-transition", "Action not allowed in this state",
                        "'" + attempted + "' is not possible while the application is " + a.state)
                .with("currentState", a.state.name()).with("allowedActions", allowedActions(a));
    }

    Action.Actor callerActor() {
        return caller.isStaff() ? Action.Actor.OFFICER : Action.Actor.COMPANY;
    }

    String callerRole() {
        if (caller.isAdmin()) {
            return Roles.ADMIN;
        }
        if (caller.hasRole(Roles.OFFICER)) {
            return Roles.OFFICER;
        }
        return caller.isPartnerSystem() ? Roles.PARTNER : Roles.COMPANY_HR;
    }

    void history(Application a, String action, AppState from, AppState to, String actor, String role,
                 String comment) {
        HistoryEntry h = new HistoryEntry();
        h.applicationId = a.id;
        h.action = action;
        h.fromState = from;
        h.toState = to;
        h.actor = actor;
        h.actorRole = role;
        h.at = clock.now();
        h.comment = comment;
        h.persist();
    }

    private boolean claimAllows(Application a) {
        return callerActor() != Action.Actor.OFFICER || a.assignee == null || caller.isAdmin()
                || a.assignee.equals(caller.actorName());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
