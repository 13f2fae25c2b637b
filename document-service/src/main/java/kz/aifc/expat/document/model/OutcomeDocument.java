package kz.aifc.expat.document.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A document the case produced (the issued visa or permit, an IIN or tax-residency certificate, a signature
 * certificate...), uploaded by an officer for the company. Kept apart from the checklist's documents: it is not
 * reviewed, and the retention of a closed application's documents does not delete it (it is the company's result).
 */
@Entity
@Table(name = "outcome_document")
public class OutcomeDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "checklist_id", nullable = false)
    public UUID checklistId;

    @Column(name = "company_bin", nullable = false)
    public String companyBin;

    @Column(name = "object_key", nullable = false, unique = true)
    public String objectKey;

    @Column(name = "original_filename", nullable = false)
    public String originalFilename;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long size;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public OffsetDateTime uploadedAt;

    public static List<OutcomeDocument> ofApplication(UUID applicationId) {
        return list("applicationId", Sort.by("uploadedAt").and("id"), applicationId);
    }
}
