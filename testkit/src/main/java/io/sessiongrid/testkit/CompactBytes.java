package io.sessiongrid.testkit;

import com.hazelcast.config.CompactSerializationConfigAccessor;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.compact.Schema;
import com.hazelcast.internal.serialization.impl.compact.SchemaService;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.partition.strategy.DefaultPartitioningStrategy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Checks that our Compact serializers write exactly the bytes Hazelcast's other clients write for the same fields.
 *
 * <p>Why bytes can differ at all: a Compact payload puts fixed-size fields at offsets the schema fixes, but appends
 * variable-size fields (strings, arrays, nested records) in the order the serializer <em>calls</em> the writer
 * (Hazelcast's {@code DefaultCompactWriter}). Every client writes a {@code GenericRecord} in its schema's field
 * order, ascending field names ({@code Schema.init} sorts them), and so do applications that follow that order. Map
 * keys are compared as bytes, so a key written in another order is a different key for them.
 *
 * <p>{@link #assertCanonical} derives the reference from Hazelcast itself: the value is written with our serializer,
 * read back as a {@link GenericRecord} by a serialization service that has no serializer for the type, and written
 * again; both must be equal. {@link #nodeFixture} holds bytes captured once from the Node.js client (see
 * {@code compact/capture.js} beside it), so tests compare with a real non-Java client without needing Node.js.
 */
public final class CompactBytes {
    private static final int TYPE_OFFSET = 4; // HeapData: partition hash (4 bytes), then the type id
    private static final Pattern FIXTURE = Pattern.compile("\"([^\"]+)\":\\s*\"([0-9a-f]+)\"");
    private static final Map<String, String> NODE = loadNodeFixtures();

    private CompactBytes() {
    }

    /** The serialized form ({@code HeapData}: partition hash, type id, schema id, payload) of {@code value}. */
    public static byte[] serialize(SerializationConfig config, Object value) {
        return service(config).toData(value).toByteArray();
    }

    /**
     * Asserts that every serializer registered in {@code config} has a sample among {@code samples}, and that each
     * sample serializes to the bytes of its own fields written in Hazelcast's canonical (schema) order.
     */
    public static void assertCanonical(SerializationConfig config, List<?> samples) {
        Map<String, Class<?>> registered = new LinkedHashMap<>();
        CompactSerializationConfigAccessor.getRegistrations(config.getCompactSerializationConfig())
                .forEach((typeName, registration) -> registered.put(typeName, registration.element1));
        Set<String> missing = new TreeSet<>(registered.keySet());
        samples.forEach(s -> registered.forEach((name, type) -> {
            if (type == s.getClass()) {
                missing.remove(name);
            }
        }));
        assertEquals(Set.of(), missing, "Compact types registered without a sample to check");
        SchemaService schemas = new Schemas();
        InternalSerializationService ours = service(config, schemas);
        InternalSerializationService generic = service(new SerializationConfig(), schemas);
        for (Object sample : samples) {
            byte[] written = ours.toData(sample).toByteArray();
            GenericRecord record = assertInstanceOf(GenericRecord.class, generic.toObject(ours.toData(sample)),
                    "read without our serializer");
            byte[] reference = generic.toData(record).toByteArray();
            assertEquals(hex(reference, TYPE_OFFSET), hex(written, TYPE_OFFSET),
                    sample + ": fields not written in ascending name order (Hazelcast's schema order)");
        }
    }

    /** The hex bytes the Node.js client 5.7.0 wrote for a fixture, e.g. {@code "SessionKey(s-42,cart,session)"}. */
    public static String nodeFixture(String name) {
        String hex = NODE.get(name);
        if (hex == null) {
            throw new IllegalArgumentException("no Node.js fixture '" + name + "'; have " + NODE.keySet());
        }
        return hex;
    }

    /** {@code bytes} from {@code offset} as lower-case hex. */
    public static String hex(byte[] bytes, int offset) {
        return HexFormat.of().formatHex(bytes, offset, bytes.length);
    }

    private static InternalSerializationService service(SerializationConfig config) {
        return service(config, new Schemas());
    }

    private static InternalSerializationService service(SerializationConfig config, SchemaService schemas) {
        // Members and clients hash PartitionAware keys by their partition key: so does this service.
        return new DefaultSerializationServiceBuilder().setConfig(config).setSchemaService(schemas)
                .setPartitioningStrategy(new DefaultPartitioningStrategy()).build();
    }

    private static Map<String, String> loadNodeFixtures() {
        try (InputStream in = CompactBytes.class.getResourceAsStream("compact/nodejs-5.7.0.json")) {
            Matcher m = FIXTURE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> fixtures = new LinkedHashMap<>();
            while (m.find()) {
                fixtures.put(m.group(1), m.group(2));
            }
            return Map.copyOf(fixtures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schemas a test's serialization services share (on a cluster, members replicate them). */
    private static final class Schemas implements SchemaService {
        private final Map<Long, Schema> schemas = new ConcurrentHashMap<>();

        @Override
        public Schema get(long schemaId) {
            return schemas.get(schemaId);
        }

        @Override
        public void put(Schema schema) {
            schemas.put(schema.getSchemaId(), schema);
        }

        @Override
        public void putLocal(Schema schema) {
            put(schema);
        }
    }
}
