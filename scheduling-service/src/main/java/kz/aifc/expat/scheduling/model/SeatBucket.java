package kz.aifc.expat.scheduling.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * Seats of one 15-minute bucket of time (V7). Read-only here: seats are taken and released only through the SQL in
 * {@code BookingSql}, whose guarded updates the database arbitrates.
 */
@Entity
@Table(name = "seat_bucket")
public class SeatBucket extends PanacheEntityBase {

    @Id
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public int booked;
}
