package kz.aifc.expat.scheduling.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A date as the last {@code catalog.calendar-changed} described it. Wins over the cached catalog calendar (which
 * each replica holds in memory), so a change reaches every replica the moment it is recorded.
 */
@Entity
@Table(name = "catalog_day")
public class CatalogDay extends PanacheEntityBase {

    @Id
    public LocalDate day;

    @Column(nullable = false)
    public boolean working;

    public String kind;

    /** The reason in Russian as the admin entered it; null after a removal. */
    public String name;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
