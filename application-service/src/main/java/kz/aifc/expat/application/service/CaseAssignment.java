package kz.aifc.expat.application.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.aifc.expat.application.client.OfficerDirectory;
import kz.aifc.expat.application.model.Application;
import kz.aifc.expat.application.model.Note;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;

import java.util.List;
import java.util.UUID;

/** The officer's work on a case: claim, release, assign, internal notes. */
@ApplicationScoped
public class CaseAssignment {

    @Inject
    CallerContext caller;

    @Inject
    ApplicationQueries queries;

    @Inject
    LifecycleService lifecycle;

    @Inject
    AppClock clock;

    @Inject
    OfficerDirectory officers;

    /**
     * 422 {@code unknown-officer} unless an enabled Keycloak user holds the officer role under that name. Asks
     * Keycloak, so call it before any transaction opens (it holds no lock while waiting for the answer).
     */
    public void requireOfficer(String officer) {
        if (!officers.isOfficer(officer)) {
            throw ProblemException.ruleViolated("unknown-officer",
                    "No enabled user holds the officer role under the name '" + officer + "'");
        }
    }

    @Transactional
    public Application claim(UUID id, String ifMatch) {
        Application a = queries.visible(id, true);
        Preconditions.ifMatch(ifMatch, a.version);
        openCase(a, "claim");
        if (a.assignee != null && !a.assignee.equals(caller.actorName())) {
            throw ProblemException.conflict("already-claimed", "The case is already claimed",
                    "Claimed by " + a.assignee).with("assignee", a.assignee);
        }
        a.assignee = caller.actorName();
        a.updatedAt = clock.now();
        Application.flush();
        return a;
    }

    @Transactional
    public Application release(UUID id, String ifMatch) {
        Application a = queries.visible(id, true);
        Preconditions.ifMatch(ifMatch, a.version);
        if (a.assignee != null && !a.assignee.equals(caller.actorName()) && !caller.isAdmin()) {
            throw ProblemException.forbidden("Only the assignee or an admin may release the case");
        }
        a.assignee = null;
        a.updatedAt = clock.now();
        Application.flush();
        return a;
    }

    /** Call {@link #requireOfficer} first. */
    @Transactional
    public Application assign(UUID id, String officer, String ifMatch) {
        Application a = queries.visible(id, true);
        Preconditions.ifMatch(ifMatch, a.version);
        openCase(a, "assign");
        if (a.assignee != null && !a.assignee.equals(caller.actorName()) && !caller.isAdmin()) {
            throw ProblemException.forbidden("Only the assignee or an admin may reassign a claimed case");
        }
        a.assignee = officer;
        a.updatedAt = clock.now();
        Application.flush();
        return a;
    }

    @Transactional
    public Note addNote(UUID id, String text) {
        Application a = queries.visible(id, false);
        Note n = new Note();
        n.id = UUID.randomUUID();
        n.applicationId = a.id;
        n.author = caller.actorName();
        n.at = clock.now();
        n.text = text;
        n.persist();
        return n;
    }

    public List<Note> notes(UUID id) {
        queries.visible(id, false);
        return Note.list("applicationId", Sort.by("at").and("id"), id);
    }

    private void openCase(Application a, String what) {
        if (a.state.isFinal()) {
            throw lifecycle.illegal(a, what);
        }
    }
}
