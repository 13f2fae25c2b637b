package kz.aifc.expat.document.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Audit record of one document version deleted by the retention job. */
@Entity
@Table(name = "retention_audit")
public class RetentionAudit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "company_bin", nullable = false)
    public String companyBin;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    @Column(name = "document_code", nullable = false)
    public String documentCode;

    @Column(nullable = false)
    public int version;

    @Column(name = "object_key", nullable = false)
    public String objectKey;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long size;

    @Column(name = "closed_at", nullable = false)
    public OffsetDateTime closedAt;

    @Column(name = "deleted_at", nullable = false)
    public OffsetDateTime deletedAt;
}
