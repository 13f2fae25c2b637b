package kz.aifc.expat.catalog.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An explicit calendar day (holiday, moved day off, decreed transfer); ordinary weekdays and weekends have none. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends PanacheEntityBase {

    public enum Kind {
        /** Public holiday (a day off; if it falls on a weekend, a MOVED_DAY_OFF follows). */
        HOLIDAY,
        /** Religious holiday: a day off that is not moved when it falls on a weekend. */
        RELIGIOUS_HOLIDAY,
        /** Day off moved from a public holiday that fell on a weekend. */
        MOVED_DAY_OFF,
        /** Day off by a government decree transferring days. */
        DECREED_DAY_OFF,
        /** Weekend day worked by a government decree transferring days. */
        TRANSFER_WORKING_DAY,
        /** Any other non-working day of the office. */
        NON_WORKING_DAY
    }

    @Id
    public LocalDate date;

    @Column(nullable = false)
    public boolean working;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "reason_ru", nullable = false)
    public String reasonRu;

    @Column(name = "reason_en", nullable = false)
    public String reasonEn;

    public String source;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
