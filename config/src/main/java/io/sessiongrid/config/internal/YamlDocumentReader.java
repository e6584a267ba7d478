package io.sessiongrid.config.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sessiongrid.config.ConfigException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads YAML text into a {@link ConfigDocument} with Jackson, strictly: unknown keys, duplicate keys, explicit
 * nulls, fractions where whole numbers belong, numbers where booleans belong and several YAML documents in one
 * file are all errors, because a silently ignored setting is worse than a refused start. Placement names are
 * matched case-insensitively. Thread-safe (the mapper is immutable after construction).
 */
final class YamlDocumentReader {
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // DTOs are plain package-private fields: no getters/setters to keep in sync with the YAML keys.
            .visibility(PropertyAccessor.ALL, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .defaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL))
            .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .addModule(new SimpleModule("sessiongrid-durations").addDeserializer(Duration.class, new DurationDeserializer()))
            .build();

    private YamlDocumentReader() {
    }

    /**
     * Reads one document. Empty text, text with only comments, and a lone YAML {@code null} yield an empty
     * document (every section absent).
     *
     * @throws io.sessiongrid.config.ConfigException naming {@code source}, the path and what is allowed
     */
    static ConfigDocument read(String source, String yaml, List<ConfigException.Problem> unknownKeys) {
        try (JsonParser p = MAPPER.createParser(yaml)) {
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return new ConfigDocument();
            }
            return MAPPER.readerFor(ConfigDocument.class).withHandler(new UnknownKeys(unknownKeys)).readValue(p);
        } catch (IOException e) {
            // Reading stops here: report the unknown keys met before it too.
            List<ConfigException.Problem> all = new ArrayList<>(unknownKeys);
            ConfigException failure = JacksonErrors.translate(source, e);
            all.addAll(failure.problems());
            throw new ConfigException(source, all, e);
        }
    }

    /** Records an unknown key with its path and the allowed keys, skips its value, and reads on. */
    private static final class UnknownKeys extends DeserializationProblemHandler {
        private final List<ConfigException.Problem> problems;

        UnknownKeys(List<ConfigException.Problem> problems) {
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                             JsonDeserializer<?> deserializer, Object bean, String name)
                throws IOException {
            problems.add(new ConfigException.Problem(path(p.getParsingContext()),
                    "unknown key '" + name + "'; allowed keys: " + JacksonErrors.sorted(deserializer.getKnownPropertyNames())));
            p.skipChildren();
            return true;
        }

        private static String path(JsonStreamContext context) {
            StringBuilder path = new StringBuilder();
            for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                String part = c.inArray() ? "[" + c.getCurrentIndex() + "]"
                        : (c.getCurrentName() == null ? "" : "." + c.getCurrentName());
                path.insert(0, part);
            }
            return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
        }
    }
}
