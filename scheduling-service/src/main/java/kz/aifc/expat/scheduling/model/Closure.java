package kz.aifc.expat.scheduling.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The office is closed on {@link #day} (all day when the times are null, else between them, local time). */
@Entity
@Table(name = "closure")
public class Closure extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public LocalDate day;

    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "end_time")
    public LocalTime endTime;

    @Column(nullable = false)
    public String reason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public boolean wholeDay() {
        return startTime == null;
    }

    /** Whether [from, to) on this closure's day overlaps the closure. */
    public boolean overlaps(LocalTime from, LocalTime to) {
        return wholeDay() || (from.isBefore(endTime) && to.isAfter(startTime));
    }
}
