package kz.aifc.expat.scheduling.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Number of open counters on one date, overriding the weekday default. */
@Entity
@Table(name = "counter_override")
public class CounterOverride extends PanacheEntityBase {

    @Id
    public LocalDate day;

    @Column(nullable = false)
    public int counters;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
