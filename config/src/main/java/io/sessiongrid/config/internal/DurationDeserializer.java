package io.sessiongrid.config.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.Duration;

/**
 * Reads {@link Duration}s in {@link DurationFormat}'s syntax. YAML hands {@code 0} over as a number and
 * {@code 30s} as a string, so both tokens are accepted; any other number is rejected because a unit-less
 * value is ambiguous (seconds? millis?). Failures surface as Jackson {@code InvalidFormatException}s so that
 * Jackson attaches the document path, which the reader turns into a {@code ConfigException}.
 */
final class DurationDeserializer extends StdScalarDeserializer<Duration> {
    DurationDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            String text = p.getText();
            try {
                return DurationFormat.parse(text);
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(text, Duration.class, e.getMessage());
            }
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT && p.getIntValue() == 0) {
            return Duration.ZERO;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            throw ctxt.weirdNumberException(p.getNumberValue(), Duration.class, "a bare number needs a unit");
        }
        return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
    }
}
