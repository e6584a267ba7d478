package io.sessiongrid.session.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Elements to and from one flat JSON object of strings, with Jackson's streaming API (no data binding). */
public final class ElementCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private ElementCodec() {
    }

    public static String encode(Map<String, String> elements) {
        // Jackson's own recycled-buffer writer (what ObjectMapper.writeValueAsString uses), not a synchronized StringWriter.
        SegmentedStringWriter out = new SegmentedStringWriter(JSON._getBufferRecycler());
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            gen.writeStartObject();
            for (Map.Entry<String, String> e : elements.entrySet()) {
                gen.writeStringField(e.getKey(), e.getValue());
            }
            gen.writeEndObject();
            gen.flush();
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LinkedHashMap<String, String> decode(String json) {
        LinkedHashMap<String, String> elements = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("stored elements are not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                // A record written through SQL may hold numbers or booleans: their text is the element's value.
                if (value == null || !value.isScalarValue() || value == JsonToken.VALUE_NULL) {
                    throw new IllegalStateException("stored element '" + name + "' is " + value
                            + ", not a string (element values are strings)");
                }
                elements.put(name, parser.getText());
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalStateException("stored elements are not one JSON object");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stored elements are not valid JSON", e);
        }
        return elements;
    }

    /** The UTF-8 size of {@code s}, without encoding it. */
    public static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
