package kz.aifc.expat.fee.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bill of one submitted application. Amounts, catalog version and MRP are frozen at submission: nothing here is
 * recomputed when the catalog or the MRP changes later.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false, unique = true)
    public String applicationId;

    @Column(name = "company_bin", nullable = false)
    public String companyBin;

    @Column(name = "service_code", nullable = false)
    public String serviceCode;

    /** Catalog version whose tariffs were applied (as answered by catalog-service for the submission date). */
    @Column(name = "catalog_version")
    public String catalogVersion;

    /** Catalog version application-service reported in application.submitted (kept for audit). */
    @Column(name = "submitted_catalog_version")
    public String submittedCatalogVersion;

    @Column(name = "tariff_date", nullable = false)
    public java.time.LocalDate tariffDate;

    @Column(name = "mrp_year")
    public Integer mrpYear;

    @Column(name = "mrp_amount")
    public BigDecimal mrpAmount;

    @Column(name = "person_id")
    public String personId;

    @Column(name = "passport_number")
    public String passportNumber;

    public String citizenship;

    public String variant;

    /** Comma-separated fee options applied (PERSONAL_MANAGER, PRIORITY). */
    public String options;

    @Column(nullable = false)
    public String currency;

    /** Null when the guide publishes no fee for the service ({@link #feesPublished} false): unknown, not zero. */
    public BigDecimal total;

    @Column(name = "fees_published", nullable = false)
    public boolean feesPublished = true;

    /** The tariff year whose MRP was not published at issue: its state duty line is provisional until it is. */
    @Column(name = "provisional_year")
    public Integer provisionalYear;

    @Column(name = "paid_amount", nullable = false)
    public BigDecimal paidAmount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceStatus status;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "refund_amount")
    public BigDecimal refundAmount;

    @Column(name = "refunded_at")
    public OffsetDateTime refundedAt;

    @Column(name = "refunded_by")
    public String refundedBy;

    @Column(name = "refund_reference")
    public String refundReference;

    /** English notes (kept for readers of the column); every language's notes are in {@link #notesTexts}. */
    public String notes;

    /** JSON {@code {"en": [..], "ru": [..]}} (kk where the catalog had Kazakh); null on invoices issued before. */
    @Column(name = "notes_texts")
    public String notesTexts;

    @Version
    public long version;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<InvoiceLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    @OrderBy("receivedAt")
    public List<Payment> payments = new ArrayList<>();

    /** Null while the total is unknown. */
    public BigDecimal outstanding() {
        return total == null ? null : total.subtract(paidAmount);
    }

    public static Invoice findByApplication(String applicationId) {
        return find("applicationId", applicationId).firstResult();
    }
}
