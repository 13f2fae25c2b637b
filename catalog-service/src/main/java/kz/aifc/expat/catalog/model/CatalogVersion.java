package kz.aifc.expat.catalog.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One published catalogue version: the whole catalogue as validated JSON, in force from {@code effectiveFrom}. */
@Entity
@Table(name = "catalog_version")
public class CatalogVersion extends PanacheEntityBase {

    @Id
    public Integer version;

    @Column(name = "effective_from", nullable = false, unique = true)
    public LocalDate effectiveFrom;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String content;
}
