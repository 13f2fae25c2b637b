package kz.aifc.expat.document.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One uploaded version of a required document; the object lives in the store under {@link #objectKey}. */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "checklist_id", nullable = false)
    public UUID checklistId;

    @Column(name = "requirement_id", nullable = false)
    public UUID requirementId;

    @Column(nullable = false)
    public int version;

    /** The review round during which this version was uploaded. */
    @Column(nullable = false)
    public int round;

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentStatus status;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public OffsetDateTime uploadedAt;

    public static List<Document> ofChecklist(UUID checklistId) {
        return list("checklistId = ?1 order by uploadedAt, version", checklistId);
    }

    public static List<Document> ofRequirement(UUID requirementId) {
        return list("requirementId = ?1 order by version", requirementId);
    }
}
