package kz.aifc.expat.fee.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.defaults.idempotency.IdempotentRequests;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.defaults.security.Roles;
import kz.aifc.expat.fee.client.FeeSchedule;
import kz.aifc.expat.fee.model.Invoice;
import kz.aifc.expat.fee.model.InvoiceStatus;
import kz.aifc.expat.fee.service.InvoiceService;
import kz.aifc.expat.fee.service.InvoiceTexts;
import kz.aifc.expat.fee.service.Lang;
import kz.aifc.expat.fee.service.PaymentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invoices and payments. Company users (and partner systems) see only their company's invoices (another company's
 * id is a 404); officers and admins see all. Payments are confirmed by officers or by partner systems (role
 * partner) for their own company's invoices; a plain company-hr user cannot confirm a payment.
 */
@Path("/api/v1/invoices")
@Tag(name = "invoices", description = "Invoices of submitted applications, payments and refunds")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    /** notification-service's own account: reads one invoice of any company for "invoice issued" (read only). */
    static final String NOTIFIER = "notifier";


    @Inject
    CallerContext caller;

    @Inject
    PaymentService payments;

    @Inject
    InvoiceService invoices;

    @Inject
    IdempotentRequests idempotent;

    @GET
    @RolesAllowed({Roles.COMPANY_HR, Roles.PARTNER, Roles.OFFICER, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Invoices, newest first (company users: their company's only)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = InvoiceView.class)))
    public Response listInvoices(@QueryParam("applicationId") String applicationId,
                         @QueryParam("status") String status,
                         @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                         @Context HttpHeaders headers) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (applicationId != null && !applicationId.isBlank()) {
            where.add("applicationId = :applicationId");
            params.put("applicationId", applicationId.trim());
        }
        if (status != null && !status.isBlank()) {
            try {
                params.put("status", InvoiceStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status", "must be one of " + List.of(InvoiceStatus.values()));
            }
            where.add("status = :status");
        }
        if (!caller.isStaff()) {
            where.add("companyBin = :companyBin");
            params.put("companyBin", caller.requireCompanyBin());
        }
        int pageIndex = page == null ? 0 : page;
        int pageSize = size == null ? 50 : size;
        if (pageIndex < 0 || pageIndex > 100_000) {
            throw ProblemException.badRequest("page", "must be 0 to 100000");
        }
        if (pageSize < 1 || pageSize > 200) {
            throw ProblemException.badRequest("size", "must be between 1 and 200");
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        List<Invoice> found = Invoice.<Invoice>find(query, Sort.descending("issuedAt").and("id"), params)
                .page(Page.of(pageIndex, pageSize)).list();
        // one language for the whole page: the caller's best one every listed invoice has all its texts in
        Lang lang = Lang.EN;
        for (Lang candidate : Languages.of(headers)) {
            if (found.stream().allMatch(i -> InvoiceTexts.language(i, List.of(candidate)) == candidate)) {
                lang = candidate;
                break;
            }
        }
        Lang served = lang;
        return localized(found.stream().map(i -> InvoiceView.of(i, served)).toList(), served);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMPANY_HR, Roles.PARTNER, Roles.OFFICER, Roles.ADMIN, NOTIFIER})
    @Operation(summary = "One invoice with lines, payments and refund record (also notification-service)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvoiceView.class)))
    public Response getInvoice(@PathParam("id") String id, @Context HttpHeaders headers) {
        // a provisional duty may have become final: the catalog is asked first, then the invoice read and updated
        Optional<FeeSchedule> finalTariff = invoices.finalTariff(uuid(id));
        return QuarkusTransaction.requiringNew().call(() -> {
            Invoice invoice = visible(id);
            invoices.finaliseProvisional(invoice, finalTariff);
            Lang lang = InvoiceTexts.language(invoice, Languages.of(headers));
            return localized(InvoiceView.of(invoice, lang), lang);
        });
    }

    private static Response localized(Object body, Lang lang) {
        return Response.ok(body).header(HttpHeaders.CONTENT_LANGUAGE, lang.tag())
                .header(HttpHeaders.VARY, "Accept-Language").build();
    }

    @POST
    @Path("/{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Confirm a payment (officer, or partner system for its company); idempotent by reference "
            + "and by Idempotency-Key")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new resource", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentConfirmation.class)))
    @APIResponse(responseCode = "200", description = "Already recorded (replayed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaymentConfirmation.class)))
    public Response recordPayment(@PathParam("id") String id, @Valid @NotNull PaymentRequest request,
                        @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID invoiceId = uuid(id);
        String channel = caller.isStaff() ? "OFFICER" : "PARTNER";
        // the catalog is asked before the idempotency record and the invoice row are locked
        Optional<FeeSchedule> finalTariff = invoices.finalTariff(invoiceId);
        return idempotent.run(idempotencyKey, "confirm-payment:" + invoiceId, request, () -> {
            PaymentService.Confirmation done = payments.confirm(invoiceId, request.reference(), request.amount(),
                    request.lineType(), channel, caller.actorName(), invoice -> caller.canSee(invoice.companyBin),
                    finalTariff);
            Invoice invoice = done.payment().invoice;
            PaymentConfirmation body = new PaymentConfirmation(PaymentView.of(done.payment()), done.replayed(),
                    invoice.status.name(), invoice.paidAmount, invoice.outstanding());
            return done.replayed() ? Response.ok(body).build()
                    : Response.created(URI.create("/api/v1/invoices/" + invoiceId)).entity(body).build();
        });
    }

    @POST
    @Path("/{id}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Record that the refund of a withdrawn/cancelled application was paid (officer)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvoiceView.class)))
    public Response refundInvoice(@PathParam("id") String id, @Valid @NotNull RefundRequest request,
                           @Context HttpHeaders headers) {
        Invoice invoice = Invoice.findById(uuid(id), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null) {
            throw ProblemException.notFound("Invoice", id);
        }
        invoices.refund(invoice, request.reference().trim(), caller.actorName());
        Lang lang = InvoiceTexts.language(invoice, Languages.of(headers));
        return localized(InvoiceView.of(invoice, lang), lang);
    }

    private Invoice visible(String id) {
        Invoice invoice = Invoice.findById(uuid(id));
        if (invoice == null || !(caller.canSee(invoice.companyBin) || caller.hasRole(NOTIFIER))) {
            throw ProblemException.notFound("Invoice", id);
        }
        return invoice;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Invoice", id);
        }
    }
}
