package kz.aifc.expat.fee.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.aifc.expat.defaults.outbox.Outbox;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.fee.client.FeeSchedule;
import kz.aifc.expat.fee.config.FeeConfig;
import kz.aifc.expat.fee.messaging.ApplicationSubmitted;
import kz.aifc.expat.fee.messaging.FeeEvents;
import kz.aifc.expat.fee.model.Invoice;
import kz.aifc.expat.fee.model.InvoiceLine;
import kz.aifc.expat.fee.model.InvoiceStatus;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Issues invoices frozen at submission and records cancellations and refunds. */
@ApplicationScoped
public class InvoiceService {

    private static final Logger LOG = Logger.getLogger(InvoiceService.class);

    @Inject
    TariffCatalog catalog;

    @Inject
    FingerprintWaiver waiver;

    @Inject
    Outbox outbox;

    @Inject
    FeeConfig config;

    /**
     * The fee schedules of a submitted application's service on its submission date, in every language the catalog
     * has them in (the texts are frozen with the amounts). Asked by the consumer before the inbox transaction opens,
     * so no catalog call is made inside it; empty when the event is incomplete or the catalog does not know the
     * service (then no invoice is issued).
     */
    public Optional<Map<Lang, FeeSchedule>> schedulesFor(ApplicationSubmitted event) {
        if (blank(event.applicationId()) || blank(event.companyBin()) || blank(event.serviceCode())) {
            return Optional.empty();
        }
        LocalDate tariffDate = tariffDate(event);
        Map<Lang, FeeSchedule> schedules = new EnumMap<>(Lang.class);
        try {
            for (Lang lang : Lang.values()) {
                FeeSchedule schedule = catalog.fees(event.serviceCode(), tariffDate, List.of(lang));
                if (TariffCatalog.languageOf(schedule, List.of(lang)) == lang) {
                    schedules.put(lang, schedule);
                }
            }
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(schedules);
    }

    private LocalDate tariffDate(ApplicationSubmitted event) {
        ZoneId zone = ZoneId.of(config.timeZone());
        return event.submittedAt() != null ? event.submittedAt().atZoneSameInstant(zone).toLocalDate()
                : LocalDate.now(zone);
    }

    /**
     * Issues the invoice of a submitted application with the tariffs and MRP in force on the submission date
     * ({@code asked}: {@link #schedulesFor}); a second submitted event for the same application is ignored (the
     * invoice stays as first issued).
     */
    @Transactional
    public Optional<Invoice> issue(ApplicationSubmitted event, Optional<Map<Lang, FeeSchedule>> asked) {
        if (blank(event.applicationId()) || blank(event.companyBin()) || blank(event.serviceCode())) {
            LOG.warnf("application.submitted without applicationId/companyBin/serviceCode ignored: %s", event);
            return Optional.empty();
        }
        Invoice existing = Invoice.findByApplication(event.applicationId());
        if (existing != null) {
            return Optional.of(existing);
        }
        if (asked.isEmpty()) {
            LOG.warnf("application %s: service %s unknown to the catalog, no invoice issued",
                    event.applicationId(), event.serviceCode());
            return Optional.empty();
        }
        LocalDate tariffDate = tariffDate(event);
        Map<Lang, FeeSchedule> schedules = asked.get();
        FeeSchedule schedule = schedules.get(Lang.EN);
        if (schedule == null) {
            throw new IllegalStateException("catalog-service served no English fee schedule of " + event.serviceCode());
        }
        Set<FeeOption> options = java.util.EnumSet.noneOf(FeeOption.class);
        for (String option : event.options() == null ? List.<String>of() : event.options()) {
            try {
                options.addAll(FeeCalculator.parseOptions(List.of(option), "options"));
            } catch (ProblemException e) {
                LOG.warnf("application %s: unknown fee option %s ignored", event.applicationId(), option);
            }
        }
        ApplicationSubmitted.Person person = event.person();
        FeeCalculator.Waiver found = null;
        if (FingerprintWaiver.FINGERPRINT.equals(event.serviceCode()) && person != null) {
            found = waiver.find(new FingerprintWaiver.PersonRef(person.personId(), person.passportNumber(),
                    person.citizenship()), event.companyBin()).orElse(null);
        }
        String variant = event.profile() == null ? null : event.profile().variant();
        Map<Lang, FeeCalculator.Result> pricedIn = new EnumMap<>(Lang.class);
        for (Map.Entry<Lang, FeeSchedule> e : schedules.entrySet()) {
            pricedIn.put(e.getKey(), FeeCalculator.price(e.getValue(), variant, options, false, found,
                    tariffDate.getYear(), e.getKey()));
        }
        FeeCalculator.Result priced = pricedIn.get(Lang.EN);
        for (FeeCalculator.Result other : pricedIn.values()) {
            if (other.lines().size() != priced.lines().size() || !java.util.Objects.equals(other.total(),
                    priced.total())) {
                // a version published between the reads: price again on redelivery rather than mix tariffs
                throw new IllegalStateException("fee schedules of " + event.serviceCode() + " differ between languages");
            }
        }

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.applicationId = event.applicationId();
        invoice.companyBin = event.companyBin();
        invoice.serviceCode = event.serviceCode();
        invoice.catalogVersion = schedule.catalogVersion();
        invoice.submittedCatalogVersion = event.catalogVersion();
        invoice.tariffDate = tariffDate;
        if (schedule.mrp() != null) {
            invoice.mrpYear = schedule.mrp().year();
            invoice.mrpAmount = schedule.mrp().amount() == null ? null : FeeCalculator.money(schedule.mrp().amount());
        }
        if (person != null) {
            invoice.personId = person.personId();
            invoice.passportNumber = person.passportNumber() == null ? null
                    : person.passportNumber().trim().toUpperCase(Locale.ROOT);
            invoice.citizenship = person.citizenship() == null ? null
                    : person.citizenship().trim().toUpperCase(Locale.ROOT);
        }
        invoice.variant = priced.variant();
        invoice.options = priced.options().stream().map(Enum::name).collect(Collectors.joining(","));
        invoice.currency = config.currency();
        invoice.total = priced.total();
        invoice.feesPublished = priced.feesPublished();
        invoice.provisionalYear = priced.provisionalYear();
        invoice.paidAmount = FeeCalculator.money(BigDecimal.ZERO);
        invoice.issuedAt = now;
        invoice.notes = priced.notes().isEmpty() ? null : String.join("; ", priced.notes());
        Map<Lang, List<String>> notes = new EnumMap<>(Lang.class);
        pricedIn.forEach((lang, result) -> notes.put(lang, result.notes()));
        invoice.notesTexts = InvoiceTexts.notesJson(notes);
        int position = 0;
        for (FeeCalculator.Line priceLine : priced.lines()) {
            InvoiceLine line = new InvoiceLine();
            line.id = UUID.randomUUID();
            line.invoice = invoice;
            line.position = position;
            line.type = priceLine.type();
            line.description = priceLine.description();
            line.amount = priceLine.amount();
            line.paidAmount = FeeCalculator.money(BigDecimal.ZERO);
            line.basis = priceLine.basis();
            line.waived = priceLine.waived();
            line.waiverReason = priceLine.waiverReason();
            line.published = priceLine.published();
            line.provisional = priceLine.provisional();
            line.paymentDocumentCode = priceLine.paymentDocument() == null ? null
                    : priceLine.paymentDocument().documentCode();
            Map<Lang, InvoiceTexts.LineText> texts = new EnumMap<>(Lang.class);
            int at = position;
            pricedIn.forEach((lang, result) -> {
                FeeCalculator.Line l = result.lines().get(at);
                texts.put(lang, new InvoiceTexts.LineText(l.description(), l.basis(), l.waiverReason(),
                        l.paymentDocument() == null ? null : l.paymentDocument().title()));
            });
            line.texts = InvoiceTexts.lineJson(texts);
            invoice.lines.add(line);
            position++;
        }
        // unknown is not free: no published fee is neither paid nor payable; a waived fee is paid (nothing owed)
        boolean nothingToPay = invoice.feesPublished && invoice.total.signum() == 0;
        invoice.status = !invoice.feesPublished ? InvoiceStatus.FEE_NOT_PUBLISHED
                : nothingToPay ? InvoiceStatus.PAID : InvoiceStatus.ISSUED;
        invoice.paidAt = nothingToPay ? now : null;
        invoice.persist();
        outbox.publish(FeeEvents.TOPIC, FeeEvents.INVOICE_ISSUED, invoice.applicationId,
                new FeeEvents.InvoiceIssued(invoice.id.toString(), invoice.applicationId, invoice.companyBin,
                        invoice.total, invoice.currency, invoice.feesPublished, invoice.provisionalYear != null));
        if (nothingToPay) {
            outbox.publish(FeeEvents.TOPIC, FeeEvents.INVOICE_PAID, invoice.applicationId,
                    new FeeEvents.InvoicePaid(invoice.id.toString(), invoice.applicationId, invoice.companyBin, now));
        }
        LOG.infof("invoice %s issued for application %s (%s): %s %s (%s)", invoice.id, invoice.applicationId,
                invoice.serviceCode, invoice.total, invoice.currency, invoice.status);
        return Optional.of(invoice);
    }

    /**
     * The fee schedule that can make an invoice's provisional state duty final, asked of the catalog with no
     * transaction open (callers then lock and write with {@link #finaliseProvisional}). Empty when the invoice is
     * unknown or not provisional, or the catalog cannot be reached now (the invoice then stays provisional).
     */
    public Optional<FeeSchedule> finalTariff(UUID invoiceId) {
        Invoice snapshot = QuarkusTransaction.requiringNew().call(() -> Invoice.findById(invoiceId));
        if (snapshot == null || snapshot.provisionalYear == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(catalog.fees(snapshot.serviceCode, snapshot.tariffDate, List.of(Lang.EN)));
        } catch (ProblemException e) {
            LOG.warnf("invoice %s: cannot check the MRP for %d now (%s)", invoiceId, snapshot.provisionalYear,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A provisional state duty becomes final once the MRP of its tariff year is published: re-priced with that MRP
     * (the multiple and the rest of the invoice stay as issued). Until then ({@code tariff} from
     * {@link #finalTariff}, without that year's MRP or empty) nothing changes.
     */
    public void finaliseProvisional(Invoice invoice, Optional<FeeSchedule> tariff) {
        if (invoice.provisionalYear == null || tariff.isEmpty()) {
            return;
        }
        int year = invoice.provisionalYear;
        FeeSchedule schedule = tariff.get();
        if (schedule.mrp() == null || schedule.mrp().year() != year || schedule.stateDutyMrp() == null) {
            return;
        }
        BigDecimal mrp = FeeCalculator.money(schedule.mrp().amount());
        int usedYear = invoice.mrpYear == null ? year : invoice.mrpYear;
        for (InvoiceLine line : invoice.lines) {
            if (!line.provisional) {
                continue;
            }
            line.amount = FeeCalculator.money(schedule.stateDutyMrp().multiply(mrp));
            line.provisional = false;
            Map<Lang, InvoiceTexts.LineText> texts = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                InvoiceTexts.LineText old = InvoiceTexts.line(line, lang);
                if (old != null) {
                    texts.put(lang, new InvoiceTexts.LineText(Texts.stateDuty(lang, schedule.stateDutyMrp(), mrp, year,
                            null), Texts.guide(lang) + Texts.stateDutyBasis(lang, schedule.stateDutyMrp(), year)
                            + Texts.version(lang, invoice.catalogVersion), null, null));
                }
            }
            line.texts = InvoiceTexts.lineJson(texts);
            line.description = texts.get(Lang.EN).description();
            line.basis = texts.get(Lang.EN).basis();
        }
        Map<Lang, List<String>> notes = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            List<String> old = InvoiceTexts.notes(invoice, lang);
            if (old != null) {
                String provisional = Texts.mrpProvisionalNote(lang, year, usedYear);
                notes.put(lang, old.stream().filter(n -> !n.equals(provisional)).toList());
            }
        }
        invoice.notesTexts = InvoiceTexts.notesJson(notes);
        invoice.notes = notes.get(Lang.EN).isEmpty() ? null : String.join("; ", notes.get(Lang.EN));
        invoice.mrpYear = year;
        invoice.mrpAmount = mrp;
        invoice.provisionalYear = null;
        invoice.total = invoice.lines.stream().map(l -> l.amount).reduce(FeeCalculator.money(BigDecimal.ZERO),
                BigDecimal::add);
        LOG.infof("invoice %s: state duty final with the MRP for %d (%s)", invoice.id, year, mrp);
    }

    /**
     * The application was withdrawn or cancelled: an unpaid invoice is cancelled, a (partly) paid one owes the paid
     * amount back (REFUND_DUE). Repeated or late events change nothing.
     */
    @Transactional
    public void applicationEnded(String applicationId, String reason) {
        Invoice invoice = Invoice.find("applicationId", applicationId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (invoice == null || invoice.status.isClosed()) {
            return;
        }
        invoice.cancelledAt = OffsetDateTime.now(ZoneOffset.UTC);
        invoice.cancellationReason = reason;
        if (invoice.paidAmount.signum() > 0) {
            invoice.status = InvoiceStatus.REFUND_DUE;
            invoice.refundAmount = invoice.paidAmount;
        } else {
            invoice.status = InvoiceStatus.CANCELLED;
        }
        LOG.infof("invoice %s of application %s: %s (%s)", invoice.id, applicationId, invoice.status, reason);
    }

    /** An officer records that the refund was paid back. */
    @Transactional
    public Invoice refund(Invoice invoice, String reference, String actor) {
        if (invoice.status != InvoiceStatus.REFUND_DUE) {
            throw ProblemException.conflict("invalid-state", "The invoice is not awaiting a refund",
                    "Only an invoice in state REFUND_DUE can be refunded; this one is " + invoice.status)
                    .with("currentState", invoice.status.name());
        }
        invoice.status = InvoiceStatus.REFUNDED;
        invoice.refundedAt = OffsetDateTime.now(ZoneOffset.UTC);
        invoice.refundedBy = actor;
        invoice.refundReference = reference;
        return invoice;
    }

    public static List<String> optionList(Invoice invoice) {
        if (invoice.options == null || invoice.options.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(List.of(invoice.options.split(",")));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
