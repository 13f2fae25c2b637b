package kz.aifc.expat.fee.service;

import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.fee.client.FeeSchedule;
import kz.aifc.expat.fee.model.LineType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The guide's pricing rules, as pure arithmetic on a catalog fee schedule (BigDecimal only, 2 decimals):
 * <ul>
 *   <li>service fee = the variant's fee (e.g. employee/expert); the personal-manager fee replaces it where offered;</li>
 *   <li>priority service is an add-on paid in addition to the service fee, where offered;</li>
 *   <li>state duty = multiple × MRP of the year of the tariff date (computed here, not copied, so a wrong catalog
 *       amount does not leak into a bill); a year whose MRP is not published gives a provisional line priced
 *       with the latest published MRP;</li>
 *   <li>a service whose fees the guide does not publish is not free: its lines have no amount
 *       ({@code published=false}), one per payment the checklist still asks a receipt for, and the total is
 *       unknown;</li>
 *   <li>an option or variant the service does not price is refused (422 naming it) in strict mode.</li>
 * </ul>
 * Texts are written in {@code lang}, the language the catalog answered the schedule in.
 */
public final class FeeCalculator {

    /** A priced line; {@code amount} is null when not published, {@code provisional} when the MRP is not. */
    public record Line(LineType type, String description, BigDecimal amount, String basis, boolean waived,
                       String waiverReason, boolean published, boolean provisional, PaymentDocument paymentDocument) {
    }

    public record PaymentDocument(String documentCode, String title) {
    }

    /**
     * {@code total} is null when a line has no published amount; {@code provisionalYear} is the tariff year whose
     * MRP is not published (null when none is), {@code mrpYearUsed} the year whose MRP priced it.
     */
    public record Result(List<Line> lines, BigDecimal total, String variant, Set<FeeOption> options,
                         List<String> notes, boolean feesPublished, Integer provisionalYear) {
        public boolean provisional() {
            return provisionalYear != null;
        }
    }

    /** The fingerprint waiver, found by {@link FingerprintWaiver}: the paid invoice that waives the fee. */
    public record Waiver(String serviceCode, String invoiceId) {
    }

    private FeeCalculator() {
    }

    /**
     * @param strict      quotes refuse what the service does not offer; invoices (already submitted applications)
     *                    skip such options with a note instead of refusing the whole bill
     * @param waiver      non-null when the service fee is waived (fingerprint registration after a paid visa/TRP)
     * @param tariffYear  the year of the tariff date (its MRP prices the state duty)
     */
    public static Result price(FeeSchedule s, String variant, Set<FeeOption> requested, boolean strict,
                               Waiver waiver, int tariffYear, Lang lang) {
        List<Line> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<FeeOption> applied = EnumSet.noneOf(FeeOption.class);
        String version = Texts.version(lang, s.catalogVersion());
        String guide = Texts.guide(lang);
        String waiverReason = waiver == null ? null : Texts.waiverReason(lang, waiver.serviceCode(), waiver.invoiceId());

        FeeSchedule.VariantFee base = baseFee(s, variant, strict, notes, lang);
        boolean personalManager = requested.contains(FeeOption.PERSONAL_MANAGER);
        if (personalManager && s.personalManagerFee() == null) {
            refuse(strict, s.serviceCode(), FeeOption.PERSONAL_MANAGER, notes, lang);
            personalManager = false;
        }
        boolean priority = requested.contains(FeeOption.PRIORITY);
        if (priority && s.priorityFee() == null) {
            refuse(strict, s.serviceCode(), FeeOption.PRIORITY, notes, lang);
            priority = false;
        }

        if (!published(s)) {
            return unpublished(s, notes, guide + Texts.notPublishedBasis(lang) + version, lang);
        }
        if (personalManager) {
            applied.add(FeeOption.PERSONAL_MANAGER);
            lines.add(line(LineType.PERSONAL_MANAGER_FEE, Texts.personalManagerFee(lang), s.personalManagerFee(),
                    guide + Texts.personalManagerBasis(lang) + version, waiverReason));
        } else if (base != null) {
            lines.add(line(LineType.SERVICE_FEE, Texts.serviceFee(lang, base.title(), base.variant()), base.amount(),
                    guide + Texts.serviceFeeBasis(lang) + version, waiverReason));
        }
        if (priority) {
            applied.add(FeeOption.PRIORITY);
            lines.add(line(LineType.PRIORITY_FEE, Texts.priority(lang), s.priorityFee(),
                    guide + Texts.priorityBasis(lang) + version, null));
        }
        Integer provisionalYear = null;
        if (s.stateDutyMrp() != null && s.stateDutyMrp().signum() > 0) {
            if (s.mrp() == null || s.mrp().amount() == null) {
                throw new IllegalStateException("catalog fee schedule of " + s.serviceCode()
                        + " has a state duty but no MRP");
            }
            // the catalog answers the latest earlier year's MRP when the tariff year's is not published
            boolean provisional = s.mrp().year() != tariffYear;
            provisionalYear = provisional ? tariffYear : null;
            BigDecimal duty = money(s.stateDutyMrp().multiply(s.mrp().amount()));
            lines.add(new Line(LineType.STATE_DUTY, Texts.stateDuty(lang, s.stateDutyMrp(), s.mrp().amount(),
                    s.mrp().year(), provisionalYear), duty, guide + Texts.stateDutyBasis(lang, s.stateDutyMrp(),
                    s.mrp().year()) + version, false, null, true, provisional, null));
            if (provisional) {
                notes.add(0, Texts.mrpProvisionalNote(lang, tariffYear, s.mrp().year()));
            }
        }
        BigDecimal total = lines.stream().map(Line::amount).reduce(money(BigDecimal.ZERO), BigDecimal::add);
        return new Result(List.copyOf(lines), total, base == null ? null : base.variant(), applied,
                List.copyOf(notes), true, provisionalYear);
    }

    /** The guide publishes fees for the service (an older catalog without {@code feesStated}: any fee line). */
    static boolean published(FeeSchedule s) {
        if (s.feesStated() != null) {
            return s.feesStated();
        }
        return s.serviceFees() != null && s.serviceFees().stream().anyMatch(f -> f.amount() != null);
    }

    /**
     * Unknown is not free: a service fee line without amount, and a line without amount for every other payment
     * whose receipt the checklist asks for (e.g. the state duty of a visa extension); total unknown.
     */
    private static Result unpublished(FeeSchedule s, List<String> notes, String basis, Lang lang) {
        List<Line> lines = new ArrayList<>();
        List<FeeSchedule.PaymentDocument> documents = s.paymentDocuments() == null ? List.of()
                : s.paymentDocuments();
        PaymentDocument serviceFeeReceipt = documents.stream().filter(d -> "SERVICE_FEE".equals(d.paymentOf()))
                .findFirst().map(d -> new PaymentDocument(d.documentCode(), d.title())).orElse(null);
        lines.add(new Line(LineType.SERVICE_FEE, Texts.notPublished(lang, false), null, basis, false, null, false,
                false, serviceFeeReceipt));
        documents.stream().filter(d -> "STATE_DUTY".equals(d.paymentOf())).findFirst().ifPresent(d ->
                lines.add(new Line(LineType.STATE_DUTY, Texts.notPublished(lang, true), null, basis, false, null,
                        false, false, new PaymentDocument(d.documentCode(), d.title()))));
        List<String> all = new ArrayList<>(notes);
        all.add(0, Texts.noFeeNote(lang, s.serviceCode()));
        int position = 1;
        for (FeeSchedule.PaymentDocument d : documents) {
            all.add(position++, Texts.stillAsks(lang, d.title(), d.documentCode()));
        }
        return new Result(List.copyOf(lines), null, null, EnumSet.noneOf(FeeOption.class), List.copyOf(all), false,
                null);
    }

    private static FeeSchedule.VariantFee baseFee(FeeSchedule s, String variant, boolean strict,
                                                  List<String> notes, Lang lang) {
        List<FeeSchedule.VariantFee> fees = s.serviceFees() == null ? List.of() : s.serviceFees().stream()
                .filter(f -> f.amount() != null).toList();
        List<String> named = fees.stream().map(FeeSchedule.VariantFee::variant)
                .filter(v -> v != null && !v.isBlank()).toList();
        boolean chosen = variant != null && !variant.isBlank();
        if (fees.isEmpty()) {
            if (chosen && strict) {
                throw variantNotOffered(s.serviceCode(), variant, named);
            }
            return null;
        }
        if (chosen) {
            for (FeeSchedule.VariantFee fee : fees) {
                if (fee.variant() != null && fee.variant().equalsIgnoreCase(variant.trim())) {
                    return fee;
                }
            }
            if (fees.size() > 1 || strict) {
                throw variantNotOffered(s.serviceCode(), variant, named);
            }
            notes.add(Texts.variantIgnored(lang, variant));
            return fees.get(0);
        }
        if (fees.size() == 1) {
            return fees.get(0);
        }
        throw ProblemException.ruleViolated("variant-required", "Service " + s.serviceCode()
                + " is priced differently per variant; choose one of " + named).with("variants", named);
    }

    private static ProblemException variantNotOffered(String service, String variant, List<String> named) {
        return ProblemException.ruleViolated("variant-not-offered", "Service " + service
                        + " does not price the variant " + variant
                        + (named.isEmpty() ? " (it has a single fee)" : "; choose one of " + named))
                .with("variant", variant).with("variants", named);
    }

    private static void refuse(boolean strict, String service, FeeOption option, List<String> notes, Lang lang) {
        if (strict) {
            throw ProblemException.ruleViolated("option-not-offered", "Service " + service
                    + " does not offer the option " + option).with("option", option.name());
        }
        notes.add(Texts.optionNotBilled(lang, option, service));
    }

    private static Line line(LineType type, String description, BigDecimal amount, String basis,
                             String waiverReason) {
        if (waiverReason != null) {
            return new Line(type, description, money(BigDecimal.ZERO), basis, true, waiverReason, true, false, null);
        }
        return new Line(type, description, money(amount), basis, false, null, true, false, null);
    }

    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static Set<FeeOption> parseOptions(List<String> raw, String field) {
        Set<FeeOption> options = EnumSet.noneOf(FeeOption.class);
        if (raw == null) {
            return options;
        }
        for (String item : raw) {
            if (item == null) {
                continue;
            }
            for (String part : item.split(",")) {
                String name = part.trim();
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    options.add(FeeOption.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest(field, "unknown option '" + name + "'; allowed: "
                            + EnumSet.allOf(FeeOption.class).stream().map(Enum::name)
                            .collect(Collectors.joining(", ")));
                }
            }
        }
        return options;
    }
}
