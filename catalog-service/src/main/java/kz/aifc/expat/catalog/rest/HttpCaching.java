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

    @Inject
    CatalogStore store;

    @Inject
    ObjectMapper mapper;

    public Response respond(HttpHeaders headers, Lang lang, String key, Supplier<Object> view) {
        Body body = store.memo(key + "|" + lang, () -> serialize(view.get()));
        String inm = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (matches(inm, body.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, body.etag())
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).header(HttpHeaders.VARY, "Accept-Language")
                    .build();
        }
        return Response.ok(body.bytes(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, body.etag())
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, "Accept-Language")
                .header(HttpHeaders.CONTENT_LANGUAGE, lang.tag())
                .build();
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
