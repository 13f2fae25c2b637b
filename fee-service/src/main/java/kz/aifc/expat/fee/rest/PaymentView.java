package kz.aifc.expat.fee.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import kz.aifc.expat.defaults.openapi.ContractFilter;
import com.fasterxml.jackson.annotation.JsonInclude;
import kz.aifc.expat.fee.model.Payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
public record PaymentView(UUID id, UUID invoiceId, String reference, BigDecimal amount, String lineType,
                          String channel, String receivedBy, OffsetDateTime receivedAt) {

    public static PaymentView of(Payment p) {
        return new PaymentView(p.id, p.invoice.id, p.reference, p.amount, p.lineType == null ? null : p.lineType.name(),
                p.channel, p.receivedBy, p.receivedAt);
    }
}
