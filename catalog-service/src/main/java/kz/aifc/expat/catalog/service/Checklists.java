package kz.aifc.expat.catalog.service;

import kz.aifc.expat.catalog.service.content.Condition;
import kz.aifc.expat.catalog.service.content.Requirement;

import java.util.List;

/** Evaluates document conditions (data) against an applicant profile. Pure. */
public final class Checklists {

    private Checklists() {
    }

    public static List<Requirement> applicable(List<Requirement> requirements, ApplicantProfile profile) {
        return requirements.stream().filter(r -> applies(r, profile)).toList();
    }

    public static boolean applies(Requirement r, ApplicantProfile p) {
        return r.conditions().stream().allMatch(c -> holds(c, p));
    }

    static boolean holds(Condition c, ApplicantProfile p) {
        return switch (c.kind()) {
            case LEGAL_FORM_IN -> c.values().contains(p.legalFormOrDefault());
            case APPLICANT_TYPE -> c.value().equals(p.applicantTypeOrDefault());
            case VISA_CATEGORY_IN -> p.visaCategory() != null && c.values().stream()
                    .map(ApplicantProfile::normaliseCategory)
                    .anyMatch(v -> v.equals(ApplicantProfile.normaliseCategory(p.visaCategory())));
            case CHILD_AGE_BETWEEN -> p.childAge() != null && p.childAge() >= c.min() && p.childAge() < c.max();
            case ENTITY -> c.value().equals(p.entity());
            case IF_APPLICABLE -> true;
        };
    }
}
