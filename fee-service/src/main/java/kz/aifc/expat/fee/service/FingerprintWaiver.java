package kz.aifc.expat.fee.service;

import jakarta.enterprise.context.ApplicationScoped;
import kz.aifc.expat.fee.model.InvoiceLine;
import kz.aifc.expat.fee.model.InvoiceStatus;
import kz.aifc.expat.fee.model.LineType;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Guide 2026, fingerprint registration: "free when the service fee for the corresponding work or investor visa or
 * temporary residence permit has been paid in advance". Our reading: paid in advance by the same company for the
 * same person — only that company's own invoices count (another company entering the same passport number must
 * neither get the waiver nor learn of the payment). The person is matched by application-service's personId or by
 * passport number + citizenship; the paid line must be the service fee (or personal-manager fee) of an eligible
 * service, fully paid, on an invoice that has not been cancelled or refunded.
 */
@ApplicationScoped
public class FingerprintWaiver {

    public static final String FINGERPRINT = "fingerprint-registration";

    /** Work visa, investor visa and temporary residence permit services (docs/CONTRACTS.md groups). */
    public static final Set<String> ELIGIBLE = Set.of(
            "work-visa-invitation", "work-visa-issuance", "work-visa-extension",
            "investor-visa-invitation", "investor-visa-issuance", "investor-visa-extension",
            "trp-employment", "trp-business-immigrant-primary", "trp-business-immigrant-extension");

    public record PersonRef(String personId, String passportNumber, String citizenship) {
        public boolean isEmpty() {
            return blank(personId) && (blank(passportNumber) || blank(citizenship));
        }
    }

    /**
     * The paid invoice that waives the fingerprint fee for this person, if there is one.
     *
     * @param companyBin the company the fingerprinting is for: only its own paid invoices are consulted
     */
    public Optional<FeeCalculator.Waiver> find(PersonRef person, String companyBin) {
        if (person == null || person.isEmpty() || blank(companyBin)) {
            return Optional.empty();
        }
        StringBuilder query = new StringBuilder("invoice.serviceCode in ?1 and type in ?2 and amount > 0 "
                + "and paidAmount >= amount and invoice.status not in ?3 and (");
        List<Object> params = new java.util.ArrayList<>(List.of(ELIGIBLE, Set.of(LineType.SERVICE_FEE,
                LineType.PERSONAL_MANAGER_FEE), Set.of(InvoiceStatus.CANCELLED, InvoiceStatus.REFUND_DUE,
                InvoiceStatus.REFUNDED)));
        boolean or = false;
        if (!blank(person.personId())) {
            params.add(person.personId().trim());
            query.append("invoice.personId = ?").append(params.size());
            or = true;
        }
        if (!blank(person.passportNumber()) && !blank(person.citizenship())) {
            params.add(person.passportNumber().trim().toUpperCase(java.util.Locale.ROOT));
            query.append(or ? " or " : "").append("(upper(invoice.passportNumber) = ?").append(params.size());
            params.add(person.citizenship().trim().toUpperCase(java.util.Locale.ROOT));
            query.append(" and upper(invoice.citizenship) = ?").append(params.size()).append(')');
        }
        query.append(')');
        params.add(companyBin);
        query.append(" and invoice.companyBin = ?").append(params.size());
        InvoiceLine paid = InvoiceLine.<InvoiceLine>find(query + " order by invoice.issuedAt", params.toArray())
                .firstResult();
        if (paid == null) {
            return Optional.empty();
        }
        return Optional.of(new FeeCalculator.Waiver(paid.invoice.serviceCode, paid.invoice.id.toString()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
