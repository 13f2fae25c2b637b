package kz.aifc.expat.application.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.aifc.expat.application.client.CatalogGateway;
import kz.aifc.expat.application.client.WorkingCalendar;
import kz.aifc.expat.application.messaging.Events;
import kz.aifc.expat.application.model.AppState;
import kz.aifc.expat.application.model.ApplicantType;
import kz.aifc.expat.application.model.Application;
import kz.aifc.expat.application.model.Company;
import kz.aifc.expat.application.model.HistoryEntry;
import kz.aifc.expat.application.model.Note;
import kz.aifc.expat.application.model.Person;
import kz.aifc.expat.application.rest.Dtos.ActionRequest;
import kz.aifc.expat.application.rest.Dtos.ApplicationRequest;
import kz.aifc.expat.application.rest.Dtos.ConsentRequest;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.problem.ProblemMappers;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The application lifecycle: drafts, the state machine, submission rules, deadlines and the officer's work. */
@ApplicationScoped
public class ApplicationService {

    @Inject
    CallerContext caller;

    @Inject
    CompanyService companies;

    @Inject
    PersonService persons;

    @Inject
    CatalogGateway catalog;

    @Inject
    WorkingCalendar calendar;

    @Inject
    SubmissionRules rules;

    @Inject
    Outbox outbox;

    @Inject
    AppClock clock;

    // ---------------------------------------------------------------- drafts

    @Transactional
    public Application create(ApplicationRequest req) {
        Company company = companies.mine();
        Person person = persons.visible(req.personId(), false);
        if (!person.companyBin.equals(company.bin)) {
            throw ProblemException.notFound("Person", req.personId());
        }
        Application a = new Application();
        a.id = UUID.randomUUID();
        a.companyBin = company.bin;
        a.state = AppState.DRAFT;
        a.createdBy = caller.actorName();
        a.createdAt = clock.now();
        apply(a, req);
        a.updatedAt = a.createdAt;
        a.persist();
        history(a, "create", null, AppState.DRAFT, caller.actorName(), callerRole(), null);
        Application.flush();
        return a;
    }

    @Transactional
    public Application update(UUID id, ApplicationRequest req, String ifMatch) {
        Application a = visible(id, true);
        Preconditions.ifMatch(ifMatch, a.version);
        if (a.state != AppState.DRAFT && a.state != AppState.CHANGES_REQUESTED) {
            throw illegal(a, "edit");
        }
        if (!a.serviceCode.equals(req.serviceCode()) && a.state != AppState.DRAFT) {
            throw ProblemException.conflict("service-fixed", "The service cannot change after submission",
                    "Withdraw this application and file a new one for another service");
        }
        Person person = persons.visible(req.personId(), false);
        if (!person.companyBin.equals(a.companyBin)) {
            throw ProblemException.notFound("Person", req.personId());
        }
        apply(a, req);
        a.updatedAt = clock.now();
        Application.flush();
        return a;
    }

    @Transactional
    public Application consent(UUID id, ConsentRequest req, String ifMatch) {
        Application a = visible(id, true);
        Preconditions.ifMatch(ifMatch, a.version);
        if (a.state.isFinal()) {
            throw illegal(a, "consent");
        }
        recordConsent(a, req);
        a.updatedAt = clock.now();
        Application.flush();
        return a;
    }

    private void apply(Application a, ApplicationRequest req) {
        a.personId = req.personId();
        a.serviceCode = req.serviceCode();
        a.applicantType = req.applicantType() == null ? ApplicantType.PRINCIPAL : req.applicantType();
        a.principalApplicationId = req.principalApplicationId();
        a.principalPersonId = req.principalPersonId();
        a.relation = req.relation();
        a.childAge = req.childAge();
        a.visaCategory = req.visaCategory();
        a.variant = req.variant();
        a.entity = req.entity();
        a.inDemandProfession = req.inDemandProfession() == null ? null : req.inDemandProfession().trim();
        a.options = req.options() == null ? null : String.join(",", new java.util.TreeSet<>(req.options()));
        a.plannedStayDays = req.plannedStayDays();
        a.requestedVisaEnd = req.requestedVisaEnd();
        if (a.applicantType == ApplicantType.PRINCIPAL && (a.principalApplicationId != null
                || a.principalPersonId != null || a.relation != null)) {
            throw ProblemException.badRequest("applicantType", "principalApplicationId, principalPersonId and "
                    + "relation are only for applicantType FAMILY_MEMBER");
        }
        if (a.principalApplicationId != null) {
            Application principal = Application.findById(a.principalApplicationId);
            if (principal == null || !principal.companyBin.equals(a.companyBin)) {
                throw ProblemException.notFound("Application", a.principalApplicationId);
            }
        }
        if (a.principalPersonId != null) {
            Person principal = Person.findById(a.principalPersonId);
            if (principal == null || !principal.companyBin.equals(a.companyBin)) {
                throw ProblemException.notFound("Person", a.principalPersonId);
            }
        }
        if (req.consent() != null) {
            recordConsent(a, req.consent());
        }
    }

    private void recordConsent(Application a, ConsentRequest req) {
        if (!Boolean.TRUE.equals(req.accepted())) {
            throw ProblemException.badRequest("consent.accepted", "consent must be accepted to be recorded");
        }
        a.consentTextVersion = req.textVersion();
        a.consentAt = clock.now();
    }

    // ---------------------------------------------------------------- reads

    /** The application if the caller may see it, else 404 (existence is not disclosed). */
    public Application visible(UUID id, boolean lock) {
        Application a = lock ? Application.findById(id, LockModeType.PESSIMISTIC_WRITE) : Application.findById(id);
        if (a == null || !ServiceAccounts.canRead(caller, a.companyBin)) {
            throw ProblemException.notFound("Application", id);
        }
        return a;
    }

    public record Filter(String companyBin, AppState state, String serviceCode, UUID personId,
                         OffsetDateTime updatedSince, LocalDate dueBefore, String assignee, Boolean unassigned,
                         int page, int size) {
    }

    public record Found(List<Application> items, long total) {
    }

    public Found list(Filter f) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        String bin = caller.isStaff() ? f.companyBin() : caller.requireCompanyBin();
        if (bin != null) {
            q.append(" and companyBin = :bin");
            p.put("bin", bin);
        }
        if (f.state() != null) {
            q.append(" and state = :state");
            p.put("state", f.state());
        }
        if (f.serviceCode() != null) {
            q.append(" and serviceCode = :code");
            p.put("code", f.serviceCode());
        }
        if (f.personId() != null) {
            q.append(" and personId = :person");
            p.put("person", f.personId());
        }
        if (f.updatedSince() != null) {
            q.append(" and updatedAt >= :since");
            p.put("since", f.updatedSince());
        }
        if (f.dueBefore() != null) {
            q.append(" and dueDate <= :due");
            p.put("due", f.dueBefore());
        }
        if (f.assignee() != null) {
            q.append(" and assignee = :assignee");
            p.put("assignee", f.assignee());
        }
        if (Boolean.TRUE.equals(f.unassigned())) {
            q.append(" and assignee is null");
        }
        PanacheQuery<Application> query = Application.find(q.toString(),
                Sort.by("updatedAt", Sort.Direction.Descending).and("id"), p);
        long total = query.count();
        return new Found(query.page(f.page(), f.size()).list(), total);
    }

    public List<HistoryEntry> history(UUID id) {
        visible(id, false);
        return HistoryEntry.list("applicationId", Sort.by("id"), id);
    }

    // ---------------------------------------------------------------- lifecycle

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

    @Transactional
    public Application act(UUID id, String slug, ActionRequest body, String ifMatch) {
        Action action = Action.fromSlug(slug).orElseThrow(() -> ProblemException.notFound("Action", slug));
        Application a = visible(id, true);
        Preconditions.ifMatch(ifMatch, a.version);
        ActionRequest req = body == null ? ActionRequest.EMPTY : body;
        Action.Actor actor = callerActor();
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
            case SUBMIT -> submit(a, actorName, role, req.comment());
            case RESUBMIT -> resubmit(a, actorName, role, req.comment());
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
            case RECEIVE_ORIGINALS -> {
                transition(a, action, actorName, role, req.comment());
                startClock(a);
            }
            case COMPLETE -> {
                transition(a, action, actorName, role, req.comment());
                if (req.result() != null) {
                    Person p = Person.findById(a.personId, LockModeType.PESSIMISTIC_WRITE);
                    p.visaType = req.result().type();
                    p.visaCategory = req.result().category();
                    p.visaNumber = req.result().number();
                    p.visaExpires = req.result().validUntil();
                    p.visaHostBin = a.companyBin;
                    p.updatedAt = clock.now();
                }
            }
            case REJECT, CANCEL -> {
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
            case EXTEND_DEADLINE -> extendDeadline(a, req, actorName, role);
            default -> transition(a, action, actorName, role, req.comment());
        }
        Application.flush();
        return a;
    }

    private void submit(Application a, String actor, String role, String comment) {
        LocalDate today = clock.today();
        Person person = Person.findById(a.personId);
        JsonNode service = catalogCall(() -> catalog.findService(a.serviceCode, today)).orElseThrow(() ->
                ProblemException.ruleViolated("service-unknown", "The catalog in force has no service '"
                        + a.serviceCode + "'"));
        catalogCall(() -> {
            rules.check(a, person, service, today);
            return null;
        });
        JsonNode fees = catalogCall(() -> catalog.findFees(a.serviceCode, today)).orElseThrow(() ->
                ProblemException.ruleViolated("service-unknown", "The catalog in force has no fees for '"
                        + a.serviceCode + "'"));
        a.catalogVersion = fees.hasNonNull("catalogVersion") ? fees.get("catalogVersion").asText()
                : service.path("catalogVersion").asText(null);
        a.feeSnapshot = fees.toString();
        a.processingDays = processingDays(fees.path("processingTime"));
        a.submittedAt = clock.now();
        a.reviewRound = 1;
        transition(a, Action.SUBMIT, actor, role, comment);
        Company company = Company.findById(a.companyBin);
        outbox.publish(Events.TOPIC, Events.SUBMITTED, a.id.toString(), new Events.ApplicationSubmitted(a.id,
                a.companyBin, a.serviceCode, a.catalogVersion, a.submittedAt,
                new Events.PersonRef(person.id, person.firstName, person.lastName, person.passportNumber,
                        person.citizenship),
                new Events.Profile(company.legalForm.name(), a.applicantType.name(), a.visaCategory, a.childAge,
                        a.variant, a.entity),
                List.copyOf(a.optionSet()), a.principalApplicationId, a.principalPersonId, a.inDemandProfession));
    }

    private void resubmit(Application a, String actor, String role, String comment) {
        LocalDate filedOn = clock.dateOf(a.submittedAt);
        Person person = Person.findById(a.personId);
        JsonNode service = catalogCall(() -> catalog.findService(a.serviceCode, filedOn)).orElseThrow(() ->
                ProblemException.ruleViolated("service-unknown", "The catalog has no service '" + a.serviceCode
                        + "'"));
        // Rules are re-checked as of the first submission: the case keeps its filing date
        catalogCall(() -> {
            rules.check(a, person, service, filedOn);
            return null;
        });
        a.reviewRound++;
        if (a.pausedSince != null && a.dueDate != null) {
            int paused = catalogCall(() -> calendar.workingDaysBetween(a.pausedSince, clock.today()));
            a.pausedWorkingDays += paused;
            a.dueDate = catalogCall(() -> calendar.addWorkingDays(a.dueDate, paused));
        }
        a.pausedSince = null;
        transition(a, Action.RESUBMIT, actor, role, comment);
        reconcile(a, "system");
    }

    void requestChanges(Application a, int round, List<Events.RequestedDocument> docs, String actor, String role,
                        String comment) {
        transition(a, Action.REQUEST_CHANGES, actor, role, comment);
        if (a.dueDate != null) {
            a.pausedSince = clock.today();
        }
        a.appointmentId = null;
        a.appointmentStatus = null;
        a.appointmentStart = null;
        outbox.publish(Events.TOPIC, Events.CHANGES_REQUESTED, a.id.toString(),
                new Events.ChangesRequested(a.id, a.companyBin, round, docs, clock.now()));
    }

    void startClock(Application a) {
        if (a.originalsReceivedAt != null) {
            return; // a case that went back for changes keeps its first receipt: the clock was paused, not reset
        }
        a.originalsReceivedAt = clock.now();
        if (a.processingDays == null) {
            return; // the guide states no processing time for this service: no due date to track
        }
        int days = a.processingDays;
        LocalDate received = clock.today();
        a.dueDate = catalogCall(() -> calendar.addWorkingDays(received, days));
    }

    private void extendDeadline(Application a, ActionRequest req, String actor, String role) {
        if (req.days() == null || blank(req.comment())) {
            throw ProblemException.badRequest("days", "days (1..30) and a comment with the reason are required");
        }
        if (a.extensionDays + req.days() > 30) {
            throw ProblemException.ruleViolated("deadline-extension-limit", "State bodies may extend by up to 30 "
                    + "calendar days in total; " + a.extensionDays + " already used");
        }
        a.extensionDays += req.days();
        a.extensionReason = req.comment();
        a.dueDate = a.dueDate.plusDays(req.days());
        a.updatedAt = clock.now();
        history(a, Action.EXTEND_DEADLINE.slug(), a.state, a.state, actor, role,
                "+" + req.days() + " calendar days: " + req.comment());
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
     * events arrived in. Idempotent: calling it again changes nothing.
     */
    void reconcile(Application a, String actor) {
        for (int i = 0; i < 5; i++) {
            String appt = a.appointmentStatus;
            if ((a.state == AppState.SUBMITTED || a.state == AppState.UNDER_REVIEW)
                    && a.docsApprovedRound > a.docsChangesRound) {
                transition(a, Action.APPROVE_DOCUMENTS, actor, "system", "documents approved (round "
                        + a.docsApprovedRound + ")");
            } else if (a.state == AppState.DOCUMENTS_APPROVED && ("BOOKED".equals(appt) || "COMPLETED".equals(appt))) {
                transition(a, Action.BOOK_APPOINTMENT, actor, "system", "appointment " + a.appointmentId
                        + (a.appointmentStart == null ? "" : " at " + a.appointmentStart));
            } else if (a.state == AppState.APPOINTMENT_BOOKED && ("CANCELLED".equals(appt) || "NO_SHOW".equals(appt))) {
                transition(a, Action.CANCEL_APPOINTMENT, actor, "system", "appointment " + a.appointmentId + " "
                        + appt.toLowerCase(java.util.Locale.ROOT));
            } else if (a.state == AppState.APPOINTMENT_BOOKED && "COMPLETED".equals(appt)) {
                transition(a, Action.RECEIVE_ORIGINALS, actor, "system", "originals received at appointment "
                        + a.appointmentId);
                startClock(a);
            } else {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- officers

    @Transactional
    public Application claim(UUID id, String ifMatch) {
        Application a = visible(id, true);
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
        Application a = visible(id, true);
        Preconditions.ifMatch(ifMatch, a.version);
        if (a.assignee != null && !a.assignee.equals(caller.actorName()) && !caller.isAdmin()) {
            throw ProblemException.forbidden("Only the assignee or an admin may release the case");
        }
        a.assignee = null;
        a.updatedAt = clock.now();
        Application.flush();
        return a;
    }

    @Transactional
    public Application assign(UUID id, String officer, String ifMatch) {
        Application a = visible(id, true);
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
        Application a = visible(id, false);
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
        visible(id, false);
        return Note.list("applicationId", Sort.by("at").and("id"), id);
    }

    public record DeadlineReport(LocalDate today, LocalDate nearingUntil, List<Application> overdue,
                                 List<Application> nearing) {
    }

    public DeadlineReport deadlines(int withinWorkingDays, String companyBin) {
        LocalDate today = clock.today();
        LocalDate until = catalogCall(() -> calendar.addWorkingDays(today, withinWorkingDays));
        String base = "dueDate is not null and state not in :closed and state <> :paused"
                + (companyBin == null ? "" : " and companyBin = :bin");
        Parameters p = Parameters.with("closed", AppState.FINAL).and("paused", AppState.CHANGES_REQUESTED);
        if (companyBin != null) {
            p = p.and("bin", companyBin);
        }
        List<Application> overdue = Application.list(base + " and dueDate < :today", Sort.by("dueDate"),
                copy(p).and("today", today));
        List<Application> nearing = Application.list(base + " and dueDate >= :today and dueDate <= :until",
                Sort.by("dueDate"), copy(p).and("today", today).and("until", until));
        return new DeadlineReport(today, until, overdue, nearing);
    }

    private static Parameters copy(Parameters p) {
        Parameters c = new Parameters();
        p.map().forEach(c::and);
        return c;
    }

    // ---------------------------------------------------------------- radar

    public record RadarEntry(Person person, SubmissionRules.Window window, boolean open) {
    }

    public List<RadarEntry> radar(String companyBin, int withinDays) {
        LocalDate today = clock.today();
        LocalDate horizon = today.plusDays(withinDays);
        List<Person> people = Person.list("companyBin = ?1 and visaExpires is not null and visaExpires >= ?2",
                Sort.by("visaExpires"), companyBin, today);
        List<RadarEntry> out = new ArrayList<>();
        for (Person p : people) {
            SubmissionRules.Window w = catalogCall(() -> rules.extensionWindow(p.visaExpires));
            if (!w.firstDay().isAfter(horizon) && !w.lastDay().isBefore(today)) {
                out.add(new RadarEntry(p, w, !today.isBefore(w.firstDay())));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private void openCase(Application a, String what) {
        if (a.state.isFinal()) {
            throw illegal(a, what);
        }
    }

    private boolean claimAllows(Application a) {
        return callerActor() != Action.Actor.OFFICER || a.assignee == null || caller.isAdmin()
                || a.assignee.equals(caller.actorName());
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

    /** Working days to process, or null when the guide states no processing time (then there is no due date). */
    static Integer processingDays(JsonNode time) {
        if (time == null || time.isMissingNode() || time.isNull()) {
            return null;
        }
        String kind = time.path("kind").asText("WORKING_DAYS");
        if ("MINUTES".equals(kind)) {
            return 0;
        }
        JsonNode max = time.hasNonNull("max") ? time.get("max") : time.get("min");
        return max == null ? null : max.asInt();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Runs a step that needs catalog-service; its outage becomes a 503 problem, never a 500. */
    static <T> T catalogCall(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (ProblemMappers.isDependencyDown(e)) {
                throw ProblemException.unavailable("catalog-service is unavailable; try again shortly");
            }
            throw e;
        }
    }
}
