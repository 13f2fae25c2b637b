package kz.aifc.expat.scheduling.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * Capacity of one (slot length, start). Read-only here: seats are taken and released only through the SQL in
 * {@code BookingSql}, whose conditional updates the database arbitrates.
 */
@Entity
@Table(name = "slot")
public class Slot extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "length_minutes", nullable = false)
    public int lengthMinutes;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public int booked;
}
