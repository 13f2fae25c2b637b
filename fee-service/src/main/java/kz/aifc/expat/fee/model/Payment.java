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
import java.time.OffsetDateTime;
import java.util.UUID;

/** A confirmed payment; {@code reference} (e.g. the bank's transaction id) is unique across all invoices. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    public Invoice invoice;

    @Column(nullable = false, unique = true)
    public String reference;

    @Column(nullable = false)
    public BigDecimal amount;

    /** The line the payer designated (e.g. the state-duty payment document); null = allocated in line order. */
    @Enumerated(EnumType.STRING)
    @Column(name = "line_type")
    public LineType lineType;

    /** OFFICER or PARTNER. */
    @Column(nullable = false)
    public String channel;

    @Column(name = "received_by", nullable = false)
    public String receivedBy;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    public static Payment findByReference(String reference) {
        return find("reference", reference).firstResult();
    }
}
