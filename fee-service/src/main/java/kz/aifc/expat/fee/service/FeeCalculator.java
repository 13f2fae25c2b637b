package kz.aifc.expat.fee.service;

import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.fee.client.FeeSchedule;
import kz.aifc.expat.fee.model.LineType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
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
 *       amount does not leak into a bill);</li>
 *   <li>an option or variant the service does not price is refused (422 naming it) in strict mode.</li>
 * </ul>
 */
public final class FeeCalculator {

    public static final String GUIDE = "Expat Centre services guide 2026 (non-AIFC participants), \"Тарифы и сроки\"";

    /** A priced line before it becomes a quote line or an invoice line. */
    public record Line(LineType type, String description, BigDecimal amount, String basis, boolean waived,
                       String waiverReason) {
    }

    public record Result(List<Line> lines, BigDecimal total, String variant, Set<FeeOption> options,
                         List<String> notes) {
    }

    private FeeCalculator() {
    }

    /**
     * @param strict quotes refuse what the service does not offer; invoices (already submitted applications) skip
     *               such options with a note instead of refusing the whole bill
     * @param waiverReason non-null when the service fee is waived (fingerprint registration after a paid visa/TRP)
     */
    public static Result price(FeeSchedule s, String variant, Set<FeeOption> requested, boolean strict,
                               String waiverReason) {
        List<Line> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<FeeOption> applied = EnumSet.noneOf(FeeOption.class);
        String version = s.catalogVersion() == null ? "" : " (catalog version " + s.catalogVersion() + ")";

        FeeSchedule.VariantFee base = baseFee(s, variant, strict, notes);
        boolean personalManager = requested.contains(FeeOption.PERSONAL_MANAGER);
        if (personalManager && s.personalManagerFee() == null) {
            refuse(strict, s.serviceCode(), FeeOption.PERSONAL_MANAGER, notes);
            personalManager = false;
        }
        boolean priority = requested.contains(FeeOption.PRIORITY);
        if (priority && s.priorityFee() == null) {
            refuse(strict, s.serviceCode(), FeeOption.PRIORITY, notes);
            priority = false;
        }

        if (personalManager) {
            applied.add(FeeOption.PERSONAL_MANAGER);
            lines.add(line(LineType.PERSONAL_MANAGER_FEE, "Service fee (personal manager)", s.personalManagerFee(),
                    GUIDE + ", service fee with a personal manager" + version, waiverReason));
        } else if (base != null) {
            String label = base.title() != null && !base.title().isBlank() ? "Service fee: " + base.title()
                    : "Service fee" + (base.variant() == null ? "" : " (" + base.variant() + ")");
            lines.add(line(LineType.SERVICE_FEE, label, base.amount(), GUIDE + ", service fee" + version,
                    waiverReason));
        }
        if (priority) {
            applied.add(FeeOption.PRIORITY);
            lines.add(line(LineType.PRIORITY_FEE, "Priority service", s.priorityFee(),
                    GUIDE + ", \"Priority Service\" paid in addition to the service fee" + version, null));
        }
        if (s.stateDutyMrp() != null && s.stateDutyMrp().signum() > 0) {
            if (s.mrp() == null || s.mrp().amount() == null) {
                throw new IllegalStateException("catalog fee schedule of " + s.serviceCode()
                        + " has a state duty but no MRP");
            }
            BigDecimal duty = money(s.stateDutyMrp().multiply(s.mrp().amount()));
            String basis = GUIDE + ", state duty " + plain(s.stateDutyMrp()) + " MRP (Tax Code of the Republic of "
                    + "Kazakhstan; MRP set by the republican budget law for " + s.mrp().year() + ")" + version;
            lines.add(new Line(LineType.STATE_DUTY, "State duty: " + plain(s.stateDutyMrp()) + " MRP × "
                    + tenge(s.mrp().amount()) + " KZT (MRP " + s.mrp().year() + ")", duty, basis, false, null));
        }
        if (lines.isEmpty()) {
            notes.add("The guide states no fee for this service");
        }
        BigDecimal total = lines.stream().map(Line::amount).reduce(money(BigDecimal.ZERO), BigDecimal::add);
        return new Result(List.copyOf(lines), total, base == null ? null : base.variant(), applied,
                List.copyOf(notes));
    }

    private static FeeSchedule.VariantFee baseFee(FeeSchedule s, String variant, boolean strict,
                                                  List<String> notes) {
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
            notes.add("Variant " + variant + " ignored: the service has a single fee");
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

    private static void refuse(boolean strict, String service, FeeOption option, List<String> notes) {
        if (strict) {
            throw ProblemException.ruleViolated("option-not-offered", "Service " + service
                    + " does not offer the option " + option).with("option", option.name());
        }
        notes.add("Option " + option + " requested but not offered by " + service + "; not billed");
    }

    private static Line line(LineType type, String description, BigDecimal amount, String basis,
                             String waiverReason) {
        if (waiverReason != null) {
            return new Line(type, description, money(BigDecimal.ZERO), basis, true, waiverReason);
        }
        return new Line(type, description, money(amount), basis, false, null);
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

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String tenge(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }
}
