package kz.aifc.expat.scheduling.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;

/**
 * Number of open counters on every date of one weekday, set by an admin; overrides configuration, and is itself
 * overridden by a per-date {@link CounterOverride}.
 */
@Entity
@Table(name = "weekday_counters")
public class WeekdayCounters extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 9)
    public DayOfWeek weekday;

    @Column(nullable = false)
    public int counters;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
