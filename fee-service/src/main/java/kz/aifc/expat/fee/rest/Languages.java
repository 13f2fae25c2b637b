package kz.aifc.expat.fee.rest;

import jakarta.ws.rs.core.HttpHeaders;
import kz.aifc.expat.fee.service.Lang;

import java.util.List;
import java.util.Locale;

/** The caller's languages from Accept-Language (JAX-RS parses it; a malformed header counts as absent). */
final class Languages {

    private Languages() {
    }

    /**
     * Best first, then Russian (every catalogue text has it). Without a usable header: English, the language this
     * API has always answered in.
     */
    static List<Lang> of(HttpHeaders headers) {
        List<Locale> acceptable;
        try {
            acceptable = headers.getAcceptableLanguages();
        } catch (RuntimeException e) {
            acceptable = List.of();
        }
        boolean any = acceptable != null && acceptable.stream().anyMatch(l -> l != null
                && Lang.ofTag(l.getLanguage()) != null);
        return any ? Lang.candidates(acceptable) : List.of(Lang.EN, Lang.RU);
    }
}
