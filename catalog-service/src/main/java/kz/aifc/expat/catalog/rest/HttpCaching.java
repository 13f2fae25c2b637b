package kz.aifc.expat.catalog.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.catalog.service.CatalogStore;
import kz.aifc.expat.catalog.service.content.Lang;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Serves read responses from memory: the body is serialized once per (key, language) until the data changes, with a
 * strong ETag (hash of the bytes) and {@code Cache-Control: public, max-age=300}; If-None-Match gives a 304.
 */
@ApplicationScoped
public class HttpCaching {

    public static final String CACHE_CONTROL = "public, max-age=300";

    record Body(byte[] bytes, String etag) {
    }

    /** Memo entry for "this response has a text missing in that language". */
    private static final Body MISSING = new Body(new byte[0], "");

    @Inject
    CatalogStore store;

    @Inject
    ObjectMapper mapper;

    /** A response without language-dependent texts (or always in {@code lang}). */
    public Response respond(HttpHeaders headers, Lang lang, String key, Supplier<Object> view) {
        return respond(headers, List.of(lang), key, l -> view.get());
    }

    /**
     * A response in the first of the caller's languages in which every text of the response exists (Kazakh is
     * optional in the catalogue; Russian always exists). {@code Content-Language} names the language actually
     * served, never one that was merely requested.
     */
    public Response respond(HttpHeaders headers, String key, Function<Lang, Object> view) {
        return respond(headers, languages(headers), key, view);
    }

    private Response respond(HttpHeaders headers, List<Lang> candidates, String key, Function<Lang, Object> view) {
        Lang lang = null;
        Body body = null;
        for (Lang candidate : candidates) {
            Body b = store.memo(key + "|" + candidate, () -> {
                try {
                    return serialize(view.apply(candidate));
                } catch (Lang.Missing e) {
                    return MISSING;
                }
            });
            if (b != MISSING) {
                lang = candidate;
                body = b;
                break;
            }
        }
        if (body == null) {
            throw new IllegalStateException("no language renders " + key);
        }
        String inm = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (matches(inm, body.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, body.etag())
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).header(HttpHeaders.VARY, "Accept-Language")
                    .header(HttpHeaders.CONTENT_LANGUAGE, lang.tag())
                    .build();
        }
        return Response.ok(body.bytes(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, body.etag())
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, "Accept-Language")
                .header(HttpHeaders.CONTENT_LANGUAGE, lang.tag())
                .build();
    }

    /**
     * The caller's languages, best first, ending with Russian. A malformed Accept-Language header (e.g. {@code ;})
     * is treated like an absent one, as RFC 9110 allows: the default language, never an error.
     */
    public static List<Lang> languages(HttpHeaders headers) {
        List<Locale> acceptable;
        try {
            acceptable = headers.getAcceptableLanguages();
        } catch (RuntimeException e) {
            acceptable = List.of();
        }
        return Lang.candidates(acceptable);
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private Body serialize(Object view) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(view);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Body(bytes, "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"");
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
