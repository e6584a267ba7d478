package io.sessiongrid.config.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.time.Duration;

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
    static ConfigDocument read(String source, String yaml) {
        try (JsonParser p = MAPPER.createParser(yaml)) {
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return new ConfigDocument();
            }
            return MAPPER.readValue(p, ConfigDocument.class);
        } catch (IOException e) {
            throw JacksonErrors.translate(source, e);
        }
    }
}
