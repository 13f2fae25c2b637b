package kz.aifc.expat.fee.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    public Invoice invoice;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "line_type", nullable = false)
    public LineType type;

    @Column(nullable = false)
    public String description;

    /** Null when the guide publishes no amount ({@link #published} false). */
    public BigDecimal amount;

    @Column(nullable = false)
    public boolean published = true;

    /** A state duty priced with an earlier year's MRP (the tariff year's is not published): not payable yet. */
    @Column(nullable = false)
    public boolean provisional;

    /** The receipt the checklist asks for this payment (where its amount is not published). */
    @Column(name = "payment_document_code")
    public String paymentDocumentCode;

    /** JSON {@code {"en": {description, basis, waiverReason, paymentDocumentTitle}, "ru": {..}}}; null before. */
    public String texts;

    @Column(name = "paid_amount", nullable = false)
    public BigDecimal paidAmount;

    public String basis;

    @Column(nullable = false)
    public boolean waived;

    @Column(name = "waiver_reason")
    public String waiverReason;

    /** Null while the amount is unknown. */
    public BigDecimal outstanding() {
        return amount == null ? null : amount.subtract(paidAmount);
    }
}
