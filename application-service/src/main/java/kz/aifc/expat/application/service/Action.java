package kz.aifc.expat.application.service;

import kz.aifc.expat.application.model.AppState;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static kz.aifc.expat.application.model.AppState.*;

/**
 * The lifecycle as data: every action with the states it may start from, the state it leads to (null: no state
 * change) and who may take it. {@link Actor#SYSTEM} actions happen only because of another service's event.
 */
public enum Action {
    SUBMIT(EnumSet.of(DRAFT), SUBMITTED, Actor.COMPANY),
    RESUBMIT(EnumSet.of(CHANGES_REQUESTED), SUBMITTED, Actor.COMPANY),
    START_REVIEW(EnumSet.of(SUBMITTED), UNDER_REVIEW, Actor.OFFICER),
    /**
     * Officer (or documents.changes-requested) at any stage before completion: a booked visit is then cancelled by
     * scheduling-service; from IN_PROCESSING when a state body asks for a corrected document.
     */
    REQUEST_CHANGES(EnumSet.of(SUBMITTED, UNDER_REVIEW, DOCUMENTS_APPROVED, APPOINTMENT_BOOKED, ORIGINALS_RECEIVED,
            IN_PROCESSING), CHANGES_REQUESTED, Actor.OFFICER),
    APPROVE_DOCUMENTS(EnumSet.of(SUBMITTED, UNDER_REVIEW), DOCUMENTS_APPROVED, Actor.SYSTEM),
    BOOK_APPOINTMENT(EnumSet.of(DOCUMENTS_APPROVED), APPOINTMENT_BOOKED, Actor.SYSTEM),
    CANCEL_APPOINTMENT(EnumSet.of(APPOINTMENT_BOOKED), DOCUMENTS_APPROVED, Actor.SYSTEM),
    /**
     * The desk owns "originals received": it follows appointment.completed (scheduling-service's check-in and
     * complete), so the visit and the case can never disagree.
     */
    RECEIVE_ORIGINALS(EnumSet.of(APPOINTMENT_BOOKED), ORIGINALS_RECEIVED, Actor.SYSTEM),
    /** Documents approved again after changes requested once the originals were already received: no new visit. */
    RESUME_AFTER_CHANGES(EnumSet.of(DOCUMENTS_APPROVED), ORIGINALS_RECEIVED, Actor.SYSTEM),
    START_PROCESSING(EnumSet.of(ORIGINALS_RECEIVED), IN_PROCESSING, Actor.OFFICER),
    COMPLETE(EnumSet.of(IN_PROCESSING), COMPLETED, Actor.OFFICER),
    REJECT(EnumSet.of(UNDER_REVIEW, ORIGINALS_RECEIVED, IN_PROCESSING), REJECTED, Actor.OFFICER),
    WITHDRAW(AppState.open(), WITHDRAWN, Actor.COMPANY),
    CANCEL(AppState.open(), CANCELLED, Actor.OFFICER),
    /** State bodies may take up to 30 more calendar days: an officer action with a reason, no state change. */
    EXTEND_DEADLINE(EnumSet.of(ORIGINALS_RECEIVED, IN_PROCESSING), null, Actor.OFFICER);

    /** Who may take an action: the company side (HR / partner system), Expat Centre staff, or an upstream event. */
    public enum Actor {
        COMPANY, OFFICER, SYSTEM
    }

    private final Set<AppState> from;
    private final AppState to;
    private final Actor actor;

    Action(Set<AppState> from, AppState to, Actor actor) {
        this.from = from;
        this.to = to;
        this.actor = actor;
    }

    public Set<AppState> from() {
        return from;
    }

    /** The state after the action, or the current one when the action does not change state. */
    public AppState to(AppState current) {
        return to == null ? current : to;
    }

    public boolean changesState() {
        return to != null;
    }

    public Actor actor() {
        return actor;
    }

    public boolean allowedFrom(AppState state) {
        return from.contains(state);
    }

    /** Kebab-case name used in URLs and in {@code allowedActions}: {@code request-changes}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Action> fromSlug(String slug) {
        for (Action a : values()) {
            if (a.slug().equals(slug)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
