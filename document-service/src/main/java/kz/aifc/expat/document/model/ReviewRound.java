package kz.aifc.expat.document.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The outcome of a finished review round (APPROVED or CHANGES_REQUESTED); at most one per round. */
@Entity
@Table(name = "review_round")
@IdClass(ReviewRound.Key.class)
public class ReviewRound extends PanacheEntityBase {

    public static final String APPROVED = "APPROVED";
    public static final String CHANGES_REQUESTED = "CHANGES_REQUESTED";

    public record Key(UUID checklistId, int round) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "checklist_id")
    public UUID checklistId;

    @Id
    public int round;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "finished_by", nullable = false)
    public String finishedBy;

    @Column(name = "finished_at", nullable = false)
    public OffsetDateTime finishedAt;
}
