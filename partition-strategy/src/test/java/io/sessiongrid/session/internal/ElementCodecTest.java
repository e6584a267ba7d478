package io.sessiongrid.session.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ElementCodecTest {

    @Test
    void roundTripKeepsOrderAndEscapes() {
        Map<String, String> elements = new LinkedHashMap<>();
        elements.put("z", "last \"quoted\"\n");
        elements.put("a", "ünïcødé 🎲");
        elements.put("empty", "");
        String json = ElementCodec.encode(elements);
        assertEquals(elements, ElementCodec.decode(json));
        assertEquals(new ArrayList<>(elements.keySet()), new ArrayList<>(ElementCodec.decode(json).keySet()));
    }

    /** The direct writer must produce byte for byte what Jackson's generator produces (SQL reads it as JSON). */
    @Test
    void encodesExactlyLikeJacksonAndDecodesBack() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            Map<String, String> elements = new LinkedHashMap<>();
            int n = random.nextInt(6);
            for (int k = 0; k < n; k++) {
                elements.put("e" + k + "-" + random.nextInt(100), randomString(random));
            }
            String ours = ElementCodec.encode(elements);
            assertEquals(jackson(elements), ours);
            assertEquals(elements, ElementCodec.decode(ours));
            assertEquals(elements, ElementCodec.decodeWithJackson(ours));
            assertEquals(ours.getBytes(StandardCharsets.UTF_8).length, ElementCodec.encodeSized(elements).utf8Bytes());
        }
    }

    @Test
    void readsOtherValidShapesThroughJackson() {
        assertEquals(Map.of("a", "1", "b", "x"), ElementCodec.decode(" { \"a\" : 1 ,\n \"b\":\t\"x\" } "));
        assertEquals(Map.of("a", "é/\u0001"), ElementCodec.decode("{\"a\":\"\\u00e9\\/\\u0001\"}"));
        assertEquals(Map.of(), ElementCodec.decode("{ }"));
        assertEquals(Map.of("k", "true"), ElementCodec.decode("{\"k\":true}"));
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertThrows(RuntimeException.class, () -> ElementCodec.decode("[1,2]"));
        assertThrows(RuntimeException.class, () -> ElementCodec.decode("{\"a\":\"unterminated}"));
    }

    @Test
    void utf8LengthMatchesTheEncoder() {
        for (String s : new String[]{"", "ascii", "ünï", "🎲 dice", "\u20ac\u0800\u07ff"}) {
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, ElementCodec.utf8Length(s), s);
        }
    }

    private static String randomString(Random random) {
        List<String> pieces = List.of("plain", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001f",
                "\u007f", "é", "€", "🎲", "\u2028", " ", "x".repeat(40));
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            b.append(pieces.get(random.nextInt(pieces.size())));
        }
        return b.toString();
    }

    private static String jackson(Map<String, String> elements) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = new JsonFactory().createGenerator(out)) {
            gen.writeStartObject();
            for (Map.Entry<String, String> e : elements.entrySet()) {
                gen.writeStringField(e.getKey(), e.getValue());
            }
            gen.writeEndObject();
        }
        return out.toString();
    }
}
