package kz.aifc.expat.application.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.application.model.ApplicantType;
import kz.aifc.expat.application.model.Application;
import kz.aifc.expat.application.model.Person;
import kz.aifc.expat.defaults.problem.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static kz.aifc.expat.application.service.CatalogCalls.catalogCall;

/**
 * The visa-expiry radar: people of a company whose visa/permit (entered by hand, or recorded from a completed
 * case's outcome) enters its extension window soon — and, from an entry, the matching extension as a draft in one
 * call, with the window rule answered right away.
 */
@ApplicationScoped
public class RadarService {

    /** The extension service of each kind of visa/permit the centre can extend (guide 2026). */
    static final Map<String, String> EXTENSION_OF_GROUP = Map.of(
            "WORK_VISA", "work-visa-extension",
            "INVESTOR_VISA", "investor-visa-extension",
            "SHORT_TERM_BUSINESS_VISA", "short-business-visa-extension",
            "LONG_TERM_BUSINESS_VISA", "long-business-visa-extension");
    /** Of temporary residence permits only the business immigrant's is extended at the centre. */
    static final String TRP_EXTENSION = "trp-business-immigrant-extension";

    @Inject
    SubmissionRules rules;

    @Inject
    PersonService persons;

    @Inject
    DraftService drafts;

    @Inject
    AppClock clock;

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

    /** TOO_EARLY / OPEN / TOO_LATE today, with the window's days. */
    public record WindowAnswer(String status, LocalDate today, LocalDate firstDay, LocalDate lastDay,
                               LocalDate currentValidUntil, boolean sameHostCompany) {
    }

    public record ExtensionDraft(Application draft, WindowAnswer window) {
    }

    /**
     * Creates the draft of the extension matching the person's current visa/permit, prefilled from it: service,
     * visa category, host company (the caller's — the rule wants the same host), a requested end one year after
     * the current one (HR adjusts it). {@code serviceCode} picks the service when the visa alone does not tell.
     */
    public ExtensionDraft startExtension(UUID personId, String serviceCode) {
        Person p = persons.visible(personId, false);
        if (p.visaExpires == null) {
            throw ProblemException.ruleViolated("no-current-visa", "The person has no current visa or permit with an "
                    + "end of validity; record it first (PUT /api/v1/persons/{id} currentVisa)");
        }
        Set<String> candidates = extensionCandidates(p);
        String code = serviceCode != null ? serviceCode : candidates.size() == 1 ? candidates.iterator().next() : null;
        if (code == null) {
            throw ProblemException.ruleViolated("extension-ambiguous", candidates.isEmpty()
                            ? "The centre offers no extension of this person's visa/permit"
                            : "Several extensions match the current visa; name one with serviceCode")
                    .with("candidates", List.copyOf(candidates));
        }
        if (!candidates.contains(code)) {
            throw ProblemException.ruleViolated("extension-not-matching", "Service " + code + " does not extend the "
                    + "person's current visa/permit").with("candidates", List.copyOf(candidates));
        }
        LocalDate requestedEnd = p.visaExpires.plusYears(1);
        Application draft = drafts.create(new Commands.Draft(p.id, code, ApplicantType.PRINCIPAL, null, null, null,
                null, p.visaCategory, null, null, null, Set.of(), null, requestedEnd, null));
        SubmissionRules.Window w = catalogCall(() -> rules.extensionWindow(p.visaExpires));
        LocalDate today = clock.today();
        String status = today.isBefore(w.firstDay()) ? "TOO_EARLY" : today.isAfter(w.lastDay()) ? "TOO_LATE" : "OPEN";
        return new ExtensionDraft(draft, new WindowAnswer(status, today, w.firstDay(), w.lastDay(), p.visaExpires,
                draft.companyBin.equals(p.visaHostBin)));
    }

    static Set<String> extensionCandidates(Person p) {
        Set<String> out = new TreeSet<>();
        if (p.visaServiceCode != null) {
            String group = ServiceKinds.group(p.visaServiceCode);
            if ("TEMPORARY_RESIDENCE".equals(group)) {
                if (p.visaServiceCode.startsWith("trp-business-immigrant")) {
                    out.add(TRP_EXTENSION);
                }
            } else if (EXTENSION_OF_GROUP.containsKey(group)) {
                out.add(EXTENSION_OF_GROUP.get(group));
            }
            return out;
        }
        if ("TEMPORARY_RESIDENCE".equals(p.visaType)) {
            out.add(TRP_EXTENSION); // entered by hand: only the business immigrant's permit is extended here
        }
        for (String group : ServiceKinds.groupsMatchedByHeld(p.visaType, p.visaCategory)) {
            if (EXTENSION_OF_GROUP.containsKey(group)) {
                out.add(EXTENSION_OF_GROUP.get(group));
            }
        }
        return out;
    }
}
