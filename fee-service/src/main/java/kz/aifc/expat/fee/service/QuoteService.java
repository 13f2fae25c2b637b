package kz.aifc.expat.fee.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.fee.client.FeeSchedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Prices a service from the cached catalog; reads the database only for an authenticated fingerprint waiver check. */
@ApplicationScoped
public class QuoteService {

    /** The event processing time counts from (docs/CONTRACTS.md): the originals handed in at the visit. */
    public static final String COUNTED_FROM = "ORIGINALS_RECEIVED";

    @Inject
    TariffCatalog catalog;

    @Inject
    FingerprintWaiver waiver;

    public record Completion(String kind, Integer min, Integer max, LocalDate startDate, LocalDate earliest,
                             LocalDate latest) {
    }

    public record Quote(FeeSchedule schedule, LocalDate asOf, FeeCalculator.Result priced, Completion completion,
                        List<String> notes, Lang language) {
    }

    /**
     * @param startDate     the day the originals are handed in (processing counts from it)
     * @param waiverCompany the company whose own paid invoices may waive the fingerprint fee; empty = no waiver
     *                      lookup (anonymous caller, or staff without a company)
     * @param languages     the caller's languages, best first
     */
    public Quote quote(String serviceCode, String variant, Set<FeeOption> options, LocalDate asOf,
                       LocalDate startDate, FingerprintWaiver.PersonRef person, Optional<String> waiverCompany,
                       List<Lang> languages) {
        FeeSchedule schedule = catalog.fees(serviceCode, asOf, languages);
        Lang lang = TariffCatalog.languageOf(schedule, languages);
        List<String> notes = new ArrayList<>();
        FeeCalculator.Waiver found = null;
        if (FingerprintWaiver.FINGERPRINT.equals(serviceCode)) {
            if (waiverCompany.isEmpty()) {
                notes.add(Texts.fingerprintSignIn(lang));
            } else if (person == null || person.isEmpty()) {
                notes.add(Texts.fingerprintGivePerson(lang));
            } else {
                found = waiver.find(person, waiverCompany.get()).orElse(null);
                if (found == null) {
                    notes.add(Texts.fingerprintNotFound(lang));
                }
            }
        }
        FeeCalculator.Result priced = FeeCalculator.price(schedule, variant, options, true, found, asOf.getYear(),
                lang);
        notes.addAll(priced.notes());
        Completion completion = completion(schedule.processingTime(), startDate);
        if (completion != null) {
            notes.add(Texts.countedFrom(lang));
        }
        if (schedule.notes() != null) {
            notes.addAll(schedule.notes());
        }
        return new Quote(schedule, asOf, priced, completion, notes, lang);
    }

    /**
     * Expected completion = catalog {@code add-working-days(startDate, N)}, exactly what application-service computes
     * for the due date from the originals-received date: the start day is not counted, so a start on a weekend or
     * holiday counts from the next working day. A same-day service (MINUTES) completes on
     * {@code add-working-days(startDate, 0)}: the start day if it is a working day, else the next one. No other
     * working-day arithmetic here.
     */
    private Completion completion(FeeSchedule.ProcessingTime time, LocalDate start) {
        if (time == null || time.kind() == null) {
            return null;
        }
        Integer min = time.min();
        Integer max = time.max() != null ? time.max() : time.min();
        if ("MINUTES".equals(time.kind())) {
            LocalDate day = catalog.addWorkingDays(start, 0);
            return new Completion(time.kind(), min, max, start, day, day);
        }
        if (min == null) {
            return new Completion(time.kind(), null, null, start, null, null);
        }
        LocalDate earliest = catalog.addWorkingDays(start, min);
        LocalDate latest = max.equals(min) ? earliest : catalog.addWorkingDays(start, max);
        return new Completion(time.kind(), min, max, start, earliest, latest);
    }
}
