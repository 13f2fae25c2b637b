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

    @Inject
    TariffCatalog catalog;

    @Inject
    FingerprintWaiver waiver;

    public record Completion(String kind, Integer min, Integer max, LocalDate startDate, LocalDate earliest,
                             LocalDate latest) {
    }

    public record Quote(FeeSchedule schedule, LocalDate asOf, FeeCalculator.Result priced, Completion completion,
                        List<String> notes) {
    }

    /**
     * @param waiverCompany the company whose own paid invoices may waive the fingerprint fee; empty = no waiver
     *                      lookup (anonymous caller, or staff without a company)
     */
    public Quote quote(String serviceCode, String variant, Set<FeeOption> options, LocalDate asOf,
                       LocalDate startDate, FingerprintWaiver.PersonRef person, Optional<String> waiverCompany) {
        FeeSchedule schedule = catalog.fees(serviceCode, asOf);
        List<String> notes = new ArrayList<>();
        String waiverReason = null;
        if (FingerprintWaiver.FINGERPRINT.equals(serviceCode)) {
            if (waiverCompany.isEmpty()) {
                notes.add("Free when the person's work or investor visa or temporary residence permit service fee "
                        + "is paid by the same company; sign in (staff: give companyBin) and give personId (or "
                        + "passportNumber + citizenship) to check");
            } else if (person == null || person.isEmpty()) {
                notes.add("Free when the person's work or investor visa or temporary residence permit service fee "
                        + "is paid; give personId (or passportNumber + citizenship) to check");
            } else {
                waiverReason = waiver.reason(person, waiverCompany.get()).orElse(null);
                if (waiverReason == null) {
                    notes.add("No paid work/investor visa or temporary residence service fee found for this person: "
                            + "the fingerprint registration fee applies");
                }
            }
        }
        FeeCalculator.Result priced = FeeCalculator.price(schedule, variant, options, true, waiverReason);
        notes.addAll(priced.notes());
        if (schedule.notes() != null) {
            notes.addAll(schedule.notes());
        }
        return new Quote(schedule, asOf, priced, completion(schedule.processingTime(), startDate), notes);
    }

    private Completion completion(FeeSchedule.ProcessingTime time, LocalDate start) {
        if (time == null || time.kind() == null) {
            return null;
        }
        Integer min = time.min();
        Integer max = time.max() != null ? time.max() : time.min();
        if ("MINUTES".equals(time.kind())) {
            LocalDate day = catalog.isWorkingDay(start) ? start : catalog.addWorkingDays(start, 1);
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
