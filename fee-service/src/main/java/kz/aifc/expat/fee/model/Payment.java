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

/**
 * A confirmed payment. Its {@code reference} (e.g. the bank's transaction id) names one payment of one company,
 * compared without letter case (unique index on company and lower(reference)).
 */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    public Invoice invoice;

    @Column(nullable = false)
    public String reference;

    /** The invoice's company: the namespace of {@link #reference}. */
    @Column(name = "company_bin", nullable = false)
    public String companyBin;

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

    /** The company's payment with this reference in any letter case, or null. */
    public static Payment findByReference(String companyBin, String reference) {
        return find("companyBin = ?1 and lower(reference) = lower(?2)", companyBin, reference).firstResult();
    }
}
