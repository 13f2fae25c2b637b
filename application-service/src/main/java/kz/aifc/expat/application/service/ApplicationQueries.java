package kz.aifc.expat.application.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import kz.aifc.expat.application.model.AppState;
import kz.aifc.expat.application.model.Application;
import kz.aifc.expat.application.model.HistoryEntry;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of applications, always through the tenant check: another company's application is "not found". */
@ApplicationScoped
public class ApplicationQueries {

    @Inject
    CallerContext caller;

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
}
