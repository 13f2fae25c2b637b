package kz.aifc.expat.application.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** An address the company wants notifications sent to, with the language they are written in (kk, ru or en). */
@Entity
@Table(name = "company_notification_contact")
@IdClass(NotificationContact.Key.class)
public class NotificationContact extends PanacheEntityBase {

    @Id
    @Column(name = "company_bin")
    public String companyBin;

    /** Order in which the company listed its contacts (the list is replaced as a whole). */
    @Id
    public int position;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String language;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public static class Key implements Serializable {
        public String companyBin;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.position == position && Objects.equals(k.companyBin, companyBin);
        }

        @Override
        public int hashCode() {
            return Objects.hash(companyBin, position);
        }
    }
}
