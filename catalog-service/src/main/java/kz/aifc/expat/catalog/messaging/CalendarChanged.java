package kz.aifc.expat.catalog.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Data of {@code catalog.calendar-changed} on topic {@code expat.catalog} (key = the date, ISO): an admin added,
 * changed or removed an explicit calendar day. The fields describe the day as it is after the change, as
 * {@code GET /calendar/working-day} answers it: {@code kind} is the entry's kind, or {@code WORKING_DAY} /
 * {@code WEEKEND} once an entry is removed (then {@code name} and {@code nameEn} are null). {@code name} is the
 * Russian reason as entered (the catalogue's default language), {@code nameEn} the English one.
 */
public record CalendarChanged(LocalDate date, boolean working, String kind, String name, String nameEn,
                              OffsetDateTime changedAt, String changedBy) {

    public static final String TOPIC = CatalogPublished.TOPIC;
    public static final String TYPE = "catalog.calendar-changed";
}
