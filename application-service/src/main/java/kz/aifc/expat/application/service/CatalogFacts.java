package kz.aifc.expat.application.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.application.client.CatalogGateway;
import kz.aifc.expat.defaults.problem.ProblemException;

import java.time.LocalDate;
import java.util.Set;

import static kz.aifc.expat.application.service.CatalogCalls.catalogCall;

/**
 * What the catalog says about a service on a date — read before any row is locked (no remote call inside a
 * transaction that holds locks). Unknown services and options the service does not offer are refused here with
 * 422 naming them, at draft creation/update and at submission alike.
 */
@ApplicationScoped
public class CatalogFacts {

    @Inject
    CatalogGateway catalog;

    public record ServiceFacts(String serviceCode, LocalDate asOf, JsonNode service, JsonNode fees) {
    }

    public ServiceFacts of(String serviceCode, LocalDate asOf) {
        JsonNode service = catalogCall(() -> catalog.findService(serviceCode, asOf)).orElseThrow(() ->
                ProblemException.ruleViolated("service-unknown", "The catalog in force on " + asOf
                        + " has no service '" + serviceCode + "'").with("serviceCode", serviceCode));
        JsonNode fees = catalogCall(() -> catalog.findFees(serviceCode, asOf)).orElseThrow(() ->
                ProblemException.ruleViolated("service-unknown", "The catalog in force on " + asOf
                        + " has no fees for '" + serviceCode + "'").with("serviceCode", serviceCode));
        return new ServiceFacts(serviceCode, asOf, service, fees);
    }

    /**
     * 422 when a draft names a visa category or a fee variant the service does not have (#14.11): the categories of
     * the catalog's service ({@code visaCategories}; a service listing none is not checked, its category comes from
     * elsewhere, e.g. the visa being extended) and the variants of its published service fees.
     */
    public static void requireKnownChoices(ServiceFacts facts, String visaCategory, String variant) {
        java.util.List<String> categories = new java.util.ArrayList<>();
        facts.service().path("visaCategories").forEach(c -> categories.add(c.asText()));
        if (visaCategory != null && !categories.isEmpty() && !categories.contains(visaCategory)) {
            throw ProblemException.ruleViolated("visa-category-not-offered", "Service " + facts.serviceCode()
                            + " issues visa categories " + String.join(", ", categories) + ", not " + visaCategory)
                    .with("visaCategory", visaCategory).with("offered", categories);
        }
        java.util.List<String> variants = new java.util.ArrayList<>();
        facts.fees().path("serviceFees").forEach(f -> variants.add(f.path("variant").asText()));
        if (variant != null && !variants.isEmpty() && !variants.contains(variant)) {
            throw ProblemException.ruleViolated("variant-not-offered", "Service " + facts.serviceCode()
                            + " has the variants " + String.join(", ", variants) + ", not " + variant)
                    .with("variant", variant).with("offered", variants);
        }
    }

    /** 422 {@code option-not-offered} for the first chosen option the service does not offer. */
    public static void requireOffered(ServiceFacts facts, Set<String> options) {
        for (String option : options == null ? Set.<String>of() : new java.util.TreeSet<>(options)) {
            String fee = switch (option) {
                case "PERSONAL_MANAGER" -> "personalManagerFee";
                case "PRIORITY" -> "priorityFee";
                default -> null;
            };
            if (fee == null || !facts.fees().hasNonNull(fee)) {
                throw ProblemException.ruleViolated("option-not-offered", "Service " + facts.serviceCode()
                                + " does not offer the option " + option)
                        .with("option", option).with("serviceCode", facts.serviceCode());
            }
        }
    }
}
