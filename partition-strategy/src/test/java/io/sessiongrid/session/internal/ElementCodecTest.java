package io.sessiongrid.session.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ElementCodecTest {

    @Test
    void roundTripKeepsOrderAndEscapes() {
        Map<String, String> elements = new LinkedHashMap<>();
        elements.put("z", "last \"quoted\"\n");
        elements.put("a", "ünïcødé 🎲");
        elements.put("empty", "");
        String json = ElementCodec.encode(elements);
        assertEquals(elements, ElementCodec.decode(json));
        assertEquals(new java.util.ArrayList<>(elements.keySet()), new java.util.ArrayList<>(ElementCodec.decode(json).keySet()));
    }

    @Test
    void utf8LengthMatchesTheEncoder() {
        for (String s : new String[]{"", "ascii", "ünï", "🎲 dice", "\u20ac\u0800\u07ff"}) {
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, ElementCodec.utf8Length(s), s);
        }
    }
}
