package kz.aifc.expat.document.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.document.model.Checklist;
import kz.aifc.expat.document.model.Document;
import kz.aifc.expat.document.model.Requirement;

import java.util.UUID;

/** Tenant scoping: a company caller asking for another company's object gets 404, exactly as for a missing one. */
@RequestScoped
public class Access {

    @Inject
    CallerContext caller;

    public Checklist checklist(UUID applicationId) {
        return Checklist.byApplication(applicationId)
                .filter(c -> caller.canSee(c.companyBin))
                .orElseThrow(() -> ProblemException.notFound("Application checklist", applicationId));
    }

    public Requirement requirement(Checklist checklist, UUID requirementId) {
        Requirement requirement = Requirement.findById(requirementId);
        if (requirement == null || !requirement.checklistId.equals(checklist.id)) {
            throw ProblemException.notFound("Requirement", requirementId);
        }
        return requirement;
    }

    public Document document(UUID documentId) {
        Document document = Document.findById(documentId);
        if (document == null) {
            throw ProblemException.notFound("Document", documentId);
        }
        Checklist checklist = Checklist.findById(document.checklistId);
        if (checklist == null || !caller.canSee(checklist.companyBin)) {
            throw ProblemException.notFound("Document", documentId);
        }
        return document;
    }
}
