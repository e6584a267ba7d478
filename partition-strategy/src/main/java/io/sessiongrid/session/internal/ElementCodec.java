package io.sessiongrid.session.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Elements to and from one flat JSON object of strings: the {@code elements} column SQL reads with
 * {@code JSON_VALUE}.
 *
 * <p>Why not Jackson on the hot path: a profile of {@code bench store} (JFR, 1 KiB partitions) put Jackson's
 * streaming encode and decode at about 1.7 and 2.6 microseconds per call, most of what a store {@code get} or
 * {@code set} added to a raw IMap call. The shape is fixed (one object, string values), so a direct writer and a
 * scanner that copies unescaped runs in one go do the same work faster. The writer emits exactly
 * what Jackson's generator emits (escapes {@code " \ } and control characters, {@code \b \t \n \f \r} short, others
 * as {@code \}{@code u00XX}; everything else as is), which {@code ElementCodecTest} checks against Jackson; the
 * reader takes that shape and hands anything else (whitespace is fine; numbers, nesting, a document written by
 * another tool) to Jackson, which stays the reference. It tolerates raw control characters inside strings, which
 * only a writer other than SessionGrid could have stored.
 */
public final class ElementCodec {
    private static final JsonFactory JSON = new JsonFactory();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** ASCII characters JSON strings must escape: control characters, quote and backslash. */
    private static final boolean[] ESCAPED = new boolean[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPED[c] = true;
        }
        ESCAPED['"'] = true;
        ESCAPED['\\'] = true;
    }

    private ElementCodec() {
    }

    /** JSON and its UTF-8 size, computed in the same pass. */
    public record Encoded(String json, int utf8Bytes) {
    }

    public static String encode(Map<String, String> elements) {
        return encodeSized(elements).json();
    }

    /** Encodes and measures the UTF-8 size of the result (what size limits are checked against). */
    public static Encoded encodeSized(Map<String, String> elements) {
        int estimate = 2;
        for (Map.Entry<String, String> e : elements.entrySet()) {
            estimate += e.getKey().length() + e.getValue().length() + 6;
        }
        StringBuilder out = new StringBuilder(estimate + 16);
        int extraUtf8 = 0; // UTF-8 bytes beyond one per char
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : elements.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            extraUtf8 += appendString(out, e.getKey());
            out.append(':');
            extraUtf8 += appendString(out, e.getValue());
        }
        out.append('}');
        return new Encoded(out.toString(), out.length() + extraUtf8);
    }

    /** Appends {@code s} quoted and escaped; returns its UTF-8 bytes beyond one per char. */
    private static int appendString(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        int plain = 0;
        // The common case, ASCII with nothing to escape, is one table lookup per char and one bulk copy.
        while (plain < n) {
            char c = s.charAt(plain);
            if (c >= 0x80 || ESCAPED[c]) {
                break;
            }
            plain++;
        }
        if (plain == n) {
            out.append(s).append('"');
            return 0;
        }
        int extra = 0;
        int run = 0; // start of the run of characters that need no escape
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    extra += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    extra += 2; // the pair is 4 bytes for 2 chars
                    i++;
                } else {
                    extra += 2;
                }
            } else if (c < 0x20 || c == '"' || c == '\\') {
                out.append(s, run, i);
                run = i + 1;
                out.append('\\');
                switch (c) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '\b' -> out.append('b');
                    case '\t' -> out.append('t');
                    case '\n' -> out.append('n');
                    case '\f' -> out.append('f');
                    case '\r' -> out.append('r');
                    default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
            }
        }
        out.append(s, run, s.length());
        out.append('"');
        return extra;
    }

    public static LinkedHashMap<String, String> decode(String json) {
        LinkedHashMap<String, String> elements = new Scanner(json).object();
        return elements != null ? elements : decodeWithJackson(json);
    }

    /** The reference reader, for documents outside the shape {@link #encode} writes. */
    static LinkedHashMap<String, String> decodeWithJackson(String json) {
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

    /** Reads {@code {"name":"value",...}} with optional whitespace; {@code null} for anything else. */
    private static final class Scanner {
        private final String s;
        private int i;
        /** Position of the next backslash at or after the cursor (recomputed when passed), MAX_VALUE when none. */
        private int backslash = -1;

        Scanner(String s) {
            this.s = s;
        }

        LinkedHashMap<String, String> object() {
            if (!next('{')) {
                return null;
            }
            LinkedHashMap<String, String> elements = new LinkedHashMap<>();
            skipSpace();
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return end() ? elements : null;
            }
            while (true) {
                String name = string();
                if (name == null || !next(':')) {
                    return null;
                }
                String value = string();
                if (value == null) {
                    return null;
                }
                elements.put(name, value);
                skipSpace();
                if (i >= s.length()) {
                    return null;
                }
                char c = s.charAt(i++);
                if (c == '}') {
                    return end() ? elements : null;
                }
                if (c != ',') {
                    return null;
                }
            }
        }

        private boolean end() {
            skipSpace();
            return i == s.length();
        }

        private boolean next(char expected) {
            skipSpace();
            if (i < s.length() && s.charAt(i) == expected) {
                i++;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    return;
                }
                i++;
            }
        }

        /**
         * A quoted string at the cursor, unescaped; {@code null} when there is none or it is malformed. Runs without
         * escapes are found with {@link String#indexOf(int, int)}, which the JIT compiles to a vectorised scan.
         */
        private String string() {
            if (!next('"')) {
                return null;
            }
            int start = i;
            int quote = s.indexOf('"', start);
            if (quote < 0) {
                return null;
            }
            if (backslash < start) {
                backslash = s.indexOf('\\', start);
                if (backslash < 0) {
                    backslash = Integer.MAX_VALUE; // none left in the document
                }
            }
            if (backslash < quote) {
                return escaped(start);
            }
            i = quote + 1;
            return s.substring(start, quote);
        }

        private String escaped(int start) {
            StringBuilder out = new StringBuilder(i - start + 16).append(s, start, i);
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    return null;
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (i >= n) {
                    return null;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 't' -> out.append('\t');
                    case 'n' -> out.append('\n');
                    case 'f' -> out.append('\f');
                    case 'r' -> out.append('\r');
                    case 'u' -> {
                        if (i + 4 > n) {
                            return null;
                        }
                        int code = 0;
                        for (int k = 0; k < 4; k++) {
                            int d = Character.digit(s.charAt(i++), 16);
                            if (d < 0) {
                                return null;
                            }
                            code = code * 16 + d;
                        }
                        out.append((char) code);
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return null;
        }
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
