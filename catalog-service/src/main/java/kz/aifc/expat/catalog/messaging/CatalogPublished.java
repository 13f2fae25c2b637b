package kz.aifc.expat.catalog.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Data of the {@code catalog.published} event on topic {@code expat.catalog} (key = version). */
public record CatalogPublished(int version, LocalDate effectiveFrom, OffsetDateTime publishedAt) {

    public static final String TOPIC = "expat.catalog";
    public static final String TYPE = "catalog.published";
}
