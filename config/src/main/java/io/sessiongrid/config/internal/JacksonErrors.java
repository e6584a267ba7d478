package io.sessiongrid.config.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.sessiongrid.config.ConfigException;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Jackson's exceptions into {@link ConfigException}s a user can act on: the dotted path inside the
 * document ({@code partitions.cart.ttl}, {@code analyzer.intervals[2]}) and what would have been accepted, in
 * YAML words rather than Java type names.
 */
final class JacksonErrors {
    private JacksonErrors() {
    }

    static ConfigException translate(String source, IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new ConfigException(source, path(u), "unknown key '" + u.getPropertyName()
                    + "'; allowed keys: " + sorted(u.getKnownPropertyIds()), e);
        }
        if (e instanceof InvalidNullException n) {
            return new ConfigException(source, path(n), "null is not allowed here; give "
                    + describe(n.getTargetType()) + " or remove the key", e);
        }
        if (e instanceof InvalidFormatException f) {
            return new ConfigException(source, path(f), "'" + f.getValue() + "' is not allowed; expected "
                    + describe(f.getTargetType()), e);
        }
        if (e instanceof MismatchedInputException m) {
            if (m.getOriginalMessage().startsWith("Trailing token")) {
                return new ConfigException(source, path(m), "only one YAML document is allowed per file", e);
            }
            String expected = m.getTargetType() == null ? firstLine(m.getOriginalMessage()) : describe(m.getTargetType());
            return new ConfigException(source, path(m), "wrong type; expected " + expected, e);
        }
        if (e instanceof JsonMappingException m) {
            // Jackson reads while it parses: a syntax error met inside a value arrives wrapped, with the path.
            if (m.getCause() instanceof StreamReadException p && !(p instanceof InputCoercionException)) {
                return malformed(source, path(m), p, e);
            }
            // E.g. an int overflow: the parser's complaint, wrapped with the path.
            return new ConfigException(source, path(m), firstLine(m.getOriginalMessage()), e);
        }
        if (e instanceof JsonProcessingException p) {
            return malformed(source, parserPath(p), p, e);
        }
        return new ConfigException(source, "", "cannot read: " + e.getMessage(), e);
    }

    private static ConfigException malformed(String source, String path, JsonProcessingException p, IOException e) {
        return new ConfigException(source, path, "malformed YAML" + at(p.getLocation()) + ": "
                + problem(p.getOriginalMessage()), e);
    }

    /** What a value of {@code type} looks like in YAML. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == Duration.class) {
            return "a duration: " + DurationFormat.ALLOWED;
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list, e.g. [a, b]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping of names to entries (name: ...)";
        }
        return "a mapping with keys " + keysOf(type);
    }

    private static List<String> keysOf(Class<?> dto) {
        return Arrays.stream(dto.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                .map(Field::getName).sorted().toList();
    }

    static List<String> sorted(Collection<Object> ids) {
        return ids == null ? List.of() : ids.stream().map(String::valueOf).sorted().toList();
    }

    static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** The path where the parser stood when the text stopped making sense; empty if unknown. */
    private static String parserPath(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser p)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }

    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /**
     * SnakeYAML's messages quote the offending snippet with a caret and repeat the position: keep only the
     * sentences (lines that do not start with blanks), since the position is reported separately.
     */
    private static String problem(String message) {
        if (message == null) {
            return "unreadable";
        }
        String s = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(Collectors.joining("; "));
        return s.isEmpty() ? message.strip() : s;
    }

    private static String firstLine(String message) {
        return message == null ? "invalid value" : message.lines().findFirst().orElse(message);
    }
}
