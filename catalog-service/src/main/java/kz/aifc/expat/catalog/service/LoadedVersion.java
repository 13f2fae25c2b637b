package kz.aifc.expat.catalog.service;

import kz.aifc.expat.catalog.service.content.CatalogContent;
import kz.aifc.expat.catalog.service.content.Requirement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A published version held in memory, indexed for reads. */
public record LoadedVersion(int version, LocalDate effectiveFrom, OffsetDateTime publishedAt, String publishedBy,
                            CatalogContent content, Map<String, CatalogContent.ServiceDef> services,
                            Map<String, CatalogContent.DocumentDef> documents,
                            Map<String, CatalogContent.Rule> rules, Map<String, CatalogContent.Note> notes,
                            Map<String, CatalogContent.Process> processes,
                            Map<String, CatalogContent.Group> groups) {

    public static LoadedVersion of(int version, LocalDate effectiveFrom, OffsetDateTime publishedAt,
                                   String publishedBy, CatalogContent c) {
        return new LoadedVersion(version, effectiveFrom, publishedAt, publishedBy, c,
                index(c.services().stream().sorted(java.util.Comparator
                        .comparingInt(CatalogContent.ServiceDef::order)).toList(), CatalogContent.ServiceDef::code),
                index(c.documents(), CatalogContent.DocumentDef::code),
                index(c.rules(), CatalogContent.Rule::code), index(c.notes(), CatalogContent.Note::code),
                index(c.processes(), CatalogContent.Process::code), index(c.groups(), CatalogContent.Group::code));
    }

    /** The service's own document list, or the list of the service it borrows from. */
    public List<Requirement> documentsOf(CatalogContent.ServiceDef s) {
        if (s.documents() != null) {
            return s.documents();
        }
        CatalogContent.ServiceDef from = services.get(s.documentsFrom());
        return from == null || from.documents() == null ? List.of() : from.documents();
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toMap(key, i -> i, (a, b) -> a, LinkedHashMap::new));
    }
}
