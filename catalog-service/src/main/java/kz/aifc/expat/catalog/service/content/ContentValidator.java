package kz.aifc.expat.catalog.service.content;

import kz.aifc.expat.defaults.problem.Problem;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Cross-reference checks Bean Validation cannot express: unique codes, references to documents, groups, rules,
 * notes, processes and services that exist, well-formed conditions and consistent fees. Pure; returns every problem
 * found so an admin can fix a draft in one go.
 */
public final class ContentValidator {

    public static final Set<String> LEGAL_FORMS = Set.of("COMPANY", "BRANCH", "REPRESENTATIVE_OFFICE");
    public static final Set<String> APPLICANT_TYPES = Set.of("PRINCIPAL", "FAMILY_MEMBER");
    public static final Set<String> ENTITIES = Set.of("INDIVIDUAL", "LEGAL_ENTITY");

    private ContentValidator() {
    }

    public static List<Problem.FieldError> validate(CatalogContent c) {
        List<Problem.FieldError> errors = new ArrayList<>();
        try {
            ZoneId.of(c.office().timeZone());
        } catch (RuntimeException e) {
            errors.add(new Problem.FieldError("office.timeZone", "unknown time zone"));
        }
        if (c.office().opens().compareTo(c.office().closes()) >= 0) {
            errors.add(new Problem.FieldError("office.closes", "must be after opens"));
        }
        if (c.office().lunchStart().compareTo(c.office().lunchEnd()) >= 0) {
            errors.add(new Problem.FieldError("office.lunchEnd", "must be after lunchStart"));
        }
        Set<String> groups = unique(c.groups(), CatalogContent.Group::code, "groups", errors);
        Set<String> documents = unique(c.documents(), CatalogContent.DocumentDef::code, "documents", errors);
        Set<String> processes = unique(c.processes(), CatalogContent.Process::code, "processes", errors);
        Set<String> rules = unique(c.rules(), CatalogContent.Rule::code, "rules", errors);
        Set<String> notes = unique(c.notes(), CatalogContent.Note::code, "notes", errors);
        unique(c.services(), CatalogContent.ServiceDef::code, "services", errors);
        Map<String, CatalogContent.ServiceDef> byCode = c.services().stream()
                .collect(Collectors.toMap(CatalogContent.ServiceDef::code, s -> s, (a, b) -> a));

        for (int i = 0; i < c.services().size(); i++) {
            CatalogContent.ServiceDef s = c.services().get(i);
            String at = "services[" + i + "]";
            if (!groups.contains(s.group())) {
                errors.add(new Problem.FieldError(at + ".group", "unknown group '" + s.group() + "'"));
            }
            if (s.applicationProcess() != null && !processes.contains(s.applicationProcess())) {
                errors.add(new Problem.FieldError(at + ".applicationProcess",
                        "unknown process '" + s.applicationProcess() + "'"));
            }
            refs(s.rules(), rules, at + ".rules", "rule", errors);
            refs(s.notes(), notes, at + ".notes", "note", errors);
            boolean hasOwn = s.documents() != null;
            if (hasOwn == (s.documentsFrom() != null)) {
                errors.add(new Problem.FieldError(at + ".documents",
                        "exactly one of documents and documentsFrom is required"));
            }
            if (s.documentsFrom() != null) {
                CatalogContent.ServiceDef from = byCode.get(s.documentsFrom());
                if (from == null) {
                    errors.add(new Problem.FieldError(at + ".documentsFrom",
                            "unknown service '" + s.documentsFrom() + "'"));
                } else if (from.documents() == null) {
                    errors.add(new Problem.FieldError(at + ".documentsFrom",
                            "service '" + s.documentsFrom() + "' itself borrows its documents"));
                }
            }
            if (hasOwn) {
                Set<String> seen = new HashSet<>();
                for (int j = 0; j < s.documents().size(); j++) {
                    Requirement r = s.documents().get(j);
                    String rat = at + ".documents[" + j + "]";
                    if (!documents.contains(r.document())) {
                        errors.add(new Problem.FieldError(rat + ".document", "unknown document '" + r.document()
                                + "'"));
                    }
                    if (!seen.add(r.document())) {
                        errors.add(new Problem.FieldError(rat + ".document", "document '" + r.document()
                                + "' listed twice"));
                    }
                    for (int k = 0; k < r.conditions().size(); k++) {
                        condition(r.conditions().get(k), rat + ".conditions[" + k + "]", errors);
                    }
                }
            }
            if (s.fees() != null) {
                fees(s.fees(), at + ".fees", errors);
            }
            Set<Integer> stepOrders = new HashSet<>();
            for (int j = 0; j < s.steps().size(); j++) {
                if (!stepOrders.add(s.steps().get(j).order())) {
                    errors.add(new Problem.FieldError(at + ".steps[" + j + "].order", "duplicate step order"));
                }
            }
        }
        return errors;
    }

    private static void fees(Fees f, String at, List<Problem.FieldError> errors) {
        Set<String> variants = new HashSet<>();
        for (int i = 0; i < f.serviceFees().size(); i++) {
            if (!variants.add(f.serviceFees().get(i).variant())) {
                errors.add(new Problem.FieldError(at + ".serviceFees[" + i + "].variant", "duplicate variant"));
            }
        }
        if (f.stateDutyMrp() != null && f.stateDutyMrp().compareTo(BigDecimal.ZERO) <= 0) {
            errors.add(new Problem.FieldError(at + ".stateDutyMrp", "must be positive when present"));
        }
        Fees.ProcessingTime time = f.processingTime();
        if (time == null) {
            errors.add(new Problem.FieldError(at + ".processingTime", "is required when fees are stated"));
        } else if (time.min() != null && time.max() != null) {
            if (time.min() > time.max()) {
                errors.add(new Problem.FieldError(at + ".processingTime.max", "must be at least min"));
            }
            if (time.kind() == Fees.ProcessingTime.Kind.WORKING_DAYS && !time.min().equals(time.max())) {
                errors.add(new Problem.FieldError(at + ".processingTime",
                        "WORKING_DAYS needs min = max (use WORKING_DAYS_RANGE)"));
            }
            if (time.kind() == Fees.ProcessingTime.Kind.WORKING_DAYS_RANGE && time.min().equals(time.max())) {
                errors.add(new Problem.FieldError(at + ".processingTime",
                        "WORKING_DAYS_RANGE needs min < max (use WORKING_DAYS)"));
            }
        }
    }

    static void condition(Condition c, String at, List<Problem.FieldError> errors) {
        switch (c.kind()) {
            case LEGAL_FORM_IN -> values(c, LEGAL_FORMS, at, errors);
            case VISA_CATEGORY_IN -> {
                if (c.values() == null || c.values().isEmpty()
                        || c.values().stream().anyMatch(v -> v == null || !v.matches("^[A-ZА-Я][0-9]{1,2}$"))) {
                    errors.add(new Problem.FieldError(at + ".values",
                            "must list visa categories such as B2 (letter and digits)"));
                }
            }
            case APPLICANT_TYPE -> value(c, APPLICANT_TYPES, at, errors);
            case ENTITY -> value(c, ENTITIES, at, errors);
            case CHILD_AGE_BETWEEN -> {
                if (c.min() == null || c.max() == null || c.min() < 0 || c.min() >= c.max()) {
                    errors.add(new Problem.FieldError(at, "needs 0 <= min < max"));
                }
            }
            case IF_APPLICABLE -> {
                // no parameters
            }
        }
    }

    private static void values(Condition c, Set<String> allowed, String at, List<Problem.FieldError> errors) {
        if (c.values() == null || c.values().isEmpty()) {
            errors.add(new Problem.FieldError(at + ".values", "must list at least one of " + sorted(allowed)));
        } else {
            for (String v : c.values()) {
                if (v == null || !allowed.contains(v)) {
                    errors.add(new Problem.FieldError(at + ".values", "'" + v + "' is not one of " + sorted(allowed)));
                }
            }
        }
    }

    private static void value(Condition c, Set<String> allowed, String at, List<Problem.FieldError> errors) {
        if (c.value() == null || !allowed.contains(c.value())) {
            errors.add(new Problem.FieldError(at + ".value", "must be one of " + sorted(allowed)));
        }
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static void refs(List<String> refs, Set<String> known, String at, String what,
                             List<Problem.FieldError> errors) {
        for (int i = 0; i < refs.size(); i++) {
            if (!known.contains(refs.get(i))) {
                errors.add(new Problem.FieldError(at + "[" + i + "]", "unknown " + what + " '" + refs.get(i) + "'"));
            }
        }
    }

    private static <T> Set<String> unique(List<T> items, Function<T, String> code, String at,
                                          List<Problem.FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = code.apply(items.get(i));
            if (value != null && !seen.add(value)) {
                errors.add(new Problem.FieldError(at + "[" + i + "].code", "duplicate code '" + value + "'"));
            }
        }
        return seen;
    }
}
