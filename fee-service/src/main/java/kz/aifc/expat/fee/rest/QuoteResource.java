package kz.aifc.expat.fee.rest;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.PermitAll;
import kz.aifc.expat.defaults.ratelimit.RateLimitPlan;
import kz.aifc.expat.defaults.ratelimit.RateLimited;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.fee.config.FeeConfig;
import kz.aifc.expat.fee.service.FeeCalculator;
import kz.aifc.expat.fee.service.FeeOption;
import kz.aifc.expat.fee.service.FingerprintWaiver;
import kz.aifc.expat.fee.service.Lang;
import kz.aifc.expat.fee.service.QuoteService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The public price calculator. */
@Path("/api/v1/quotes")
@Tag(name = "quotes", description = "What a service will cost, before applying")
public class QuoteResource {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    @Inject
    QuoteService quotes;

    @Inject
    CallerContext caller;

    @Inject
    FeeConfig config;

    @GET
    @PermitAll
    @RateLimited(RateLimitPlan.QUOTE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Quote a service's fees as of a date (anonymous; the fingerprint waiver needs a signed-in "
            + "company (or staff with companyBin) and personId or passportNumber+citizenship; only that company's own paid "
            + "invoices count)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = QuoteView.class)))
    public Response getQuote(@QueryParam("serviceCode") String serviceCode,
                           @QueryParam("option") List<String> option,
                           @QueryParam("options") List<String> options,
                           @QueryParam("variant") String variant,
                           @QueryParam("asOf") String asOf,
                           @QueryParam("startDate") String startDate,
                           @QueryParam("personId") String personId,
                           @QueryParam("passportNumber") String passportNumber,
                           @QueryParam("citizenship") String citizenship,
                           @QueryParam("companyBin") String companyBin,
                           @Context HttpHeaders headers) {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw ProblemException.badRequest("serviceCode", "is required");
        }
        if (!CODE.matcher(serviceCode).matches()) {
            throw ProblemException.badRequest("serviceCode", "must be a kebab-case service code");
        }
        if (variant != null && variant.length() > 40) {
            throw ProblemException.badRequest("variant", "must be at most 40 characters");
        }
        List<String> raw = new ArrayList<>();
        if (option != null) {
            raw.addAll(option);
        }
        if (options != null) {
            raw.addAll(options);
        }
        Set<FeeOption> chosen = FeeCalculator.parseOptions(raw, "options");
        LocalDate today = LocalDate.now(ZoneId.of(config.timeZone()));
        LocalDate tariffDate = date(asOf, "asOf", today);
        // the day the originals are handed in at the visit: processing time counts from it
        LocalDate start = date(startDate, "startDate", today);

        List<Lang> languages = Languages.of(headers);
        QuoteService.Quote quote = quotes.quote(serviceCode, blankToNull(variant), chosen, tariffDate, start,
                new FingerprintWaiver.PersonRef(blankToNull(personId), blankToNull(passportNumber),
                        blankToNull(citizenship)), waiverCompany(blankToNull(companyBin)), languages);
        return Response.ok(toView(quote, config.currency()))
                .header(HttpHeaders.CONTENT_LANGUAGE, quote.language().tag())
                .header(HttpHeaders.VARY, "Accept-Language").build();
    }

    /**
     * The company whose own paid invoices may waive the fingerprint fee. Anonymous (and applicant) callers get no
     * lookup: a public calculator must not reveal whether someone paid a visa fee. Company users and partners look at
     * their own company only (a companyBin parameter naming another company is ignored); staff name the company.
     */
    private Optional<String> waiverCompany(String companyBin) {
        if (caller.isAnonymous()) {
            return Optional.empty();
        }
        if (caller.isStaff()) {
            if (companyBin != null && !companyBin.matches("\\d{12}")) {
                throw ProblemException.badRequest("companyBin", "must be 12 digits");
            }
            return Optional.ofNullable(companyBin);
        }
        if (caller.hasRole(Roles.COMPANY_HR) || caller.isPartnerSystem()) {
            return Optional.of(caller.requireCompanyBin());
        }
        return Optional.empty();
    }

    static QuoteView toView(QuoteService.Quote q, String currency) {
        var s = q.schedule();
        var priced = q.priced();
        var completion = q.completion();
        return new QuoteView(s.serviceCode(), q.asOf(), s.catalogVersion(), currency,
                s.mrp() == null ? null : new QuoteView.MrpView(s.mrp().year(), FeeCalculator.money(s.mrp().amount()),
                        priced.provisional() ? Boolean.TRUE : null),
                priced.variant(), priced.options().stream().map(Enum::name).toList(), priced.feesPublished(),
                priced.provisional(),
                priced.lines().stream().map(l -> new QuoteView.LineView(l.type().name(), l.description(), l.amount(),
                        l.basis(), l.waived(), l.waiverReason(), l.published(), l.provisional(),
                        l.paymentDocument() == null ? null : new QuoteView.PaymentDocumentView(
                                l.paymentDocument().documentCode(), l.paymentDocument().title()))).toList(),
                priced.total(),
                completion == null ? null : new QuoteView.ProcessingTimeView(completion.kind(), completion.min(),
                        completion.max()),
                completion == null ? null : QuoteService.COUNTED_FROM,
                completion == null ? null : completion.startDate(),
                completion == null || completion.earliest() == null ? null
                        : new QuoteView.CompletionView(completion.earliest(), completion.latest()),
                q.notes(), q.language().tag());
    }

    private static LocalDate date(String value, String field, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            // the catalog's range: outside it the catalog would refuse, and its answer is not ours to pass on
            if (date.getYear() < 2000 || date.getYear() > 2200) {
                throw ProblemException.badRequest(field, "must be a date between 2000-01-01 and 2200-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a date YYYY-MM-DD");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
