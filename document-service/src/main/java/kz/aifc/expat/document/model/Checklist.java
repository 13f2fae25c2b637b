package kz.aifc.expat.document.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The document checklist of one application, and the state of its review. */
@Entity
@Table(name = "checklist")
public class Checklist extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false, unique = true)
    public UUID applicationId;

    @Column(name = "company_bin", nullable = false)
    public String companyBin;

    @Column(name = "service_code", nullable = false)
    public String serviceCode;

    @Column(name = "catalog_version")
    public String catalogVersion;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    /** The applicant profile from application.submitted (JSON), kept to (re)build the checklist. */
    @Column(nullable = false)
    public String profile;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChecklistStatus status;

    @Column(nullable = false)
    public int round;

    @Column(name = "items_loaded", nullable = false)
    public boolean itemsLoaded;

    @Column(name = "load_attempts", nullable = false)
    public int loadAttempts;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "purged_at")
    public OffsetDateTime purgedAt;

    @Version
    public long version;

    public static Optional<Checklist> byApplication(UUID applicationId) {
        return find("applicationId", applicationId).firstResultOptional();
    }

    /** Loads and row-locks the checklist: all review and upload commits of one application run one at a time. */
    public static Optional<Checklist> lockByApplication(UUID applicationId) {
        return find("applicationId", applicationId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * After an approval the officer (or a state body) asked for new versions of these requirements only
     * (comma-separated ids); null = every upload requirement may take a new version.
     */
    @Column(name = "requested_requirements")
    public String requestedRequirements;

    /** False once the visit took place: approving corrected documents must not open booking again. */
    @Column(name = "booking_needed", nullable = false)
    public boolean bookingNeeded = true;

    public java.util.List<UUID> requestedIds() {
        return requestedRequirements == null || requestedRequirements.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(requestedRequirements.split(",")).map(UUID::fromString).toList();
    }

    /** May this requirement take a new version now? */
    public boolean requested(UUID requirementId) {
        return requestedRequirements == null || requestedIds().contains(requirementId);
    }
}
