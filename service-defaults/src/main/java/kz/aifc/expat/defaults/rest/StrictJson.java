package kz.aifc.expat.defaults.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Request bodies are read strictly (security finding #14.11): trailing garbage after the JSON value and duplicate
 * keys (which reader wins is ambiguous between a partner's tools and ours) are refused with 400 instead of silently
 * picking one reading; so is a string holding an unpaired UTF-16 surrogate ({@code "\ud800"}), which PostgreSQL's
 * UTF-8 would otherwise store as {@code ?} — a changed name nobody asked for.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("strict-strings").addDeserializer(String.class, new WellFormed()));
    }

    /** Strings as Jackson reads them, refused when they are not well-formed UTF-16. */
    static final class WellFormed extends StdScalarDeserializer<String> {

        WellFormed() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && hasUnpairedSurrogate(s)) {
                return (String) ctxt.handleWeirdStringValue(String.class, s,
                        "contains an unpaired UTF-16 surrogate (not a character)");
            }
            return s;
        }
    }

    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
