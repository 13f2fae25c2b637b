package kz.aifc.expat.application.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An officer's internal note on a case; never shown to the company. */
@Entity
@Table(name = "application_note")
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String author;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String text;
}
