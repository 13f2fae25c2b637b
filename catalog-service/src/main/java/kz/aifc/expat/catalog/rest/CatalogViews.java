package kz.aifc.expat.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.catalog.rest.CatalogDtos.*;
import kz.aifc.expat.catalog.service.ApplicantProfile;
import kz.aifc.expat.catalog.service.CatalogStore;
import kz.aifc.expat.catalog.service.Checklists;
import kz.aifc.expat.catalog.service.FeeCalculator;
import kz.aifc.expat.catalog.service.LoadedVersion;
import kz.aifc.expat.catalog.service.content.CatalogContent;
import kz.aifc.expat.catalog.service.content.Fees;
import kz.aifc.expat.catalog.service.content.Lang;
import kz.aifc.expat.catalog.service.content.Localized;
import kz.aifc.expat.catalog.service.content.Requirement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the API's views of a catalogue version in one language. */
@ApplicationScoped
public class CatalogViews {

    /** The catalogue's own note (not a guide text), so it has all three languages. */
    static final Localized NO_FEES = Localized.of("Руководство не указывает сбор и срок оказания для этой услуги",
            "The guide states no fee and no processing time for this service",
            "Нұсқаулықта бұл қызметтің алымы мен орындалу мерзімі көрсетілмеген");

    @Inject
    CatalogStore store;

    public ServiceSummary summary(LoadedVersion v, CatalogContent.ServiceDef s, Lang lang) {
        return new ServiceSummary(s.code(), s.group(), groupTitle(v, s, lang), s.order(), s.title().in(lang),
                s.description().in(lang), s.visaCategories(), s.familyMembers(), s.fees() != null, v.version());
    }

    private static String groupTitle(LoadedVersion v, CatalogContent.ServiceDef s, Lang lang) {
        CatalogContent.Group g = v.groups().get(s.group());
        return g == null ? s.group() : g.title().in(lang);
    }

    public ServiceView service(LoadedVersion v, CatalogContent.ServiceDef s, Lang lang, LocalDate feeDate) {
        List<String> process = s.applicationProcess() == null ? List.of()
                : v.processes().get(s.applicationProcess()).steps().stream().map(t -> t.in(lang)).toList();
        List<StepView> steps = s.steps().stream()
                .map(st -> new StepView(st.order(), st.place().name(), st.informational(), st.title().in(lang),
                        st.items() == null ? null : st.items().stream().map(i -> i.in(lang)).toList()))
                .toList();
        ValidityView validity = s.validity() == null ? null
                : new ValidityView(s.validity().max(), s.validity().unit().name(), s.validity().text().in(lang));
        List<RuleView> rules = s.rules().stream().map(v.rules()::get)
                .map(r -> new RuleView(r.code(), r.kind(), r.params(), r.text().in(lang))).toList();
        List<NoteView> notes = s.notes().stream().map(v.notes()::get)
                .map(n -> new NoteView(n.code(), n.text().in(lang), n.delayCalendarDays())).toList();
        List<RequirementView> documents = v.documentsOf(s).stream()
                .map(r -> new RequirementView(r.document(), title(v, r, lang), text(r.note(), lang), !r.optional(),
                        r.delivery().name(), r.notarised(), r.legalised(), r.conditions()))
                .toList();
        return new ServiceView(s.code(), s.group(), groupTitle(v, s, lang), s.order(), s.title().in(lang),
                s.description().in(lang), s.visaCategories(), s.familyMembers(), v.version(), v.effectiveFrom(),
                lang.tag(), process, steps, validity, rules, notes, s.documentsFrom(), documents,
                fees(v, s, lang, feeDate));
    }

    public ChecklistView checklist(LoadedVersion v, CatalogContent.ServiceDef s, ApplicantProfile p, Lang lang) {
        List<ChecklistItem> items = Checklists.applicable(v.documentsOf(s), p).stream()
                .map(r -> new ChecklistItem(r.document(), title(v, r, lang), text(r.note(), lang), !r.optional(),
                        r.delivery().name(), r.notarised(), r.legalised()))
                .toList();
        return new ChecklistView(s.code(), v.version(), lang.tag(),
                new ProfileView(p.legalFormOrDefault(), p.applicantTypeOrDefault(), p.visaCategory(), p.childAge(),
                        p.variant(), p.entity()), items);
    }

    /** The date whose MRP prices the state duty: asOf if given, else today (not before the version starts). */
    public static LocalDate feeDate(LoadedVersion v, LocalDate asOf) {
        if (asOf != null) {
            return asOf;
        }
        LocalDate today = CatalogStore.today();
        return today.isBefore(v.effectiveFrom()) ? v.effectiveFrom() : today;
    }

    public FeesView fees(LoadedVersion v, CatalogContent.ServiceDef s, Lang lang, LocalDate feeDate) {
        int feeYear = feeDate.getYear();
        Optional<Map.Entry<Integer, BigDecimal>> mrp = store.mrp(feeYear);
        MrpView mrpView = mrp.map(e -> new MrpView(e.getKey(), e.getValue())).orElse(null);
        boolean provisional = mrp.isEmpty() || mrp.get().getKey() != feeYear;
        List<String> notes = new ArrayList<>(s.notes().stream().map(v.notes()::get).map(n -> n.text().in(lang))
                .toList());
        List<PaymentDocumentView> paymentDocuments = v.documentsOf(s).stream()
                .filter(r -> v.documents().containsKey(r.document())
                        && v.documents().get(r.document()).paymentOf() != null)
                .map(r -> new PaymentDocumentView(r.document(), title(v, r, lang),
                        v.documents().get(r.document()).paymentOf(), !r.optional()))
                .toList();
        Fees f = s.fees();
        if (f == null) {
            notes.add(0, NO_FEES.in(lang));
            return new FeesView(s.code(), v.version(), currency(v), false, mrpView, List.of(), null, null, null, null,
                    null, null, List.of(), notes, lang.tag(), feeYear, provisional, paymentDocuments);
        }
        if (provisional && f.stateDutyMrp() != null && mrp.isPresent()) {
            notes.add(0, mrpNotPublished(feeYear, mrp.get().getKey()).in(lang));
        }
        BigDecimal duty = mrp.map(e -> FeeCalculator.stateDuty(f.stateDutyMrp(), e.getValue())).orElse(null);
        String basis = f.stateDutyMrp() == null || mrp.isEmpty() ? null
                : f.stateDutyMrp().stripTrailingZeros().toPlainString() + " MRP × "
                + mrp.get().getValue().toPlainString() + " " + currency(v) + " (MRP " + mrp.get().getKey() + ")"
                + (provisional ? " — provisional, MRP " + feeYear + " not published" : "");
        List<ServiceFeeView> serviceFees = f.serviceFees().stream()
                .map(sf -> new ServiceFeeView(sf.variant(), text(sf.title(), lang), FeeCalculator.money(sf.amount())))
                .toList();
        BigDecimal pm = FeeCalculator.money(f.personalManagerFee());
        BigDecimal priority = FeeCalculator.money(f.priorityFee());
        List<TotalView> totals = new ArrayList<>();
        for (ServiceFeeView sf : serviceFees) {
            totals.add(new TotalView(sf.variant(), null, FeeCalculator.sum(sf.amount(), duty)));
            if (priority != null) {
                totals.add(new TotalView(sf.variant(), "PRIORITY", FeeCalculator.sum(sf.amount(), priority, duty)));
            }
        }
        if (pm != null) {
            totals.add(new TotalView(null, "PERSONAL_MANAGER", FeeCalculator.sum(pm, duty)));
        }
        Fees.ProcessingTime t = f.processingTime();
        return new FeesView(s.code(), v.version(), currency(v), true, mrpView, serviceFees, pm, priority,
                f.stateDutyMrp(), duty, basis,
                t == null ? null : new ProcessingTimeView(t.kind().name(), t.min(), t.max()), totals, notes,
                lang.tag(), feeYear, provisional, paymentDocuments);
    }

    static Localized mrpNotPublished(int year, int used) {
        return Localized.of("МРП на " + year + " год ещё не опубликован: государственная пошлина рассчитана по МРП "
                        + used + " года и является предварительной",
                "The MRP for " + year + " is not published yet: the state duty is computed with the MRP of " + used
                        + " and is provisional",
                year + " жылға арналған АЕК әлі жарияланбаған: мемлекеттік баж " + used
                        + " жылғы АЕК бойынша есептелген және алдын ала болып табылады");
    }

    private static String currency(LoadedVersion v) {
        return v.content().guide().currency();
    }

    private static String title(LoadedVersion v, Requirement r, Lang lang) {
        if (r.title() != null) {
            return r.title().in(lang);
        }
        CatalogContent.DocumentDef d = v.documents().get(r.document());
        return d == null ? r.document() : d.title().in(lang);
    }

    private static String text(Localized l, Lang lang) {
        return l == null ? null : l.in(lang);
    }
}
