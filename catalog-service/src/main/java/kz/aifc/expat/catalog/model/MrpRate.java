package kz.aifc.expat.catalog.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The monthly calculation index (MRP) of one year. */
@Entity
@Table(name = "mrp_rate")
public class MrpRate extends PanacheEntityBase {

    @Id
    public Integer year;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    public String source;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
