package kz.aifc.expat.document.client;

import java.util.List;

/**
 * The catalog's document checklist of a service for an applicant profile on a date, as {@link CatalogClient} reads
 * it. A record of its own so transactional code can take the answer without depending on the client.
 */
public record CatalogChecklist(String serviceCode, String catalogVersion, List<Item> items) {

    public record Item(String documentCode, String title, boolean mandatory, String delivery, boolean notarised,
                       boolean legalised) {
    }
}
