package kz.aifc.expat.defaults.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.core.JsonParseException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** #14.11: the mapper every service's REST layer uses refuses what it would otherwise read ambiguously or lossily. */
class StrictJsonTest {

    record Named(String name, List<String> aliases) {
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void aLoneSurrogateIsRefusedWhereverAStringIsRead() {
        ObjectMapper mapper = strict();
        for (String body : new String[]{"{\"name\":\"Ann\\ud800\"}", "{\"name\":\"\\udc00Ann\"}",
                "{\"name\":\"ok\",\"aliases\":[\"x\\ud83d\"]}"}) {
            assertThrows(InvalidFormatException.class, () -> mapper.readValue(body, Named.class), body);
        }
    }

    @Test
    void wellFormedTextIncludingPairsOutsideTheBasicPlaneIsReadAsSent() throws Exception {
        Named n = strict().readValue("{\"name\":\"Әлия \\ud83d\\ude00 O'Neil\",\"aliases\":[\"Алия\"]}", Named.class);
        assertEquals("Әлия \uD83D\uDE00 O'Neil", n.name());
        assertEquals(List.of("Алия"), n.aliases());
    }

    @Test
    void trailingTokensAndDuplicateKeysAreRefused() {
        ObjectMapper mapper = strict();
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"name\":\"a\"} 1", Named.class));
        assertThrows(JsonParseException.class, () -> mapper.readValue("{\"name\":\"a\",\"name\":\"b\"}",
                Named.class));
    }

    @Test
    void theCheckFindsUnpairedHalvesOnly() {
        assertEquals(false, StrictJson.hasUnpairedSurrogate("\uD83D\uDE00"));
        assertEquals(true, StrictJson.hasUnpairedSurrogate("\uDE00\uD83D"));
        assertEquals(true, StrictJson.hasUnpairedSurrogate("a\uD83D"));
        assertEquals(false, StrictJson.hasUnpairedSurrogate(""));
    }
}
