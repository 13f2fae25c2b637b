package kz.aifc.expat.document.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/** One document the application needs, from the catalog checklist. */
@Entity
@Table(name = "requirement")
public class Requirement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "checklist_id", nullable = false)
    public UUID checklistId;

    @Column(nullable = false)
    public int position;

    @Column(name = "document_code", nullable = false)
    public String documentCode;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public boolean mandatory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Delivery delivery;

    @Column(nullable = false)
    public boolean notarised;

    @Column(nullable = false)
    public boolean legalised;

    public static List<Requirement> ofChecklist(UUID checklistId) {
        return list("checklistId = ?1 order by position", checklistId);
    }
}
