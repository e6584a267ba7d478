package io.sessiongrid.session.internal;

import com.hazelcast.config.SerializationConfig;
import io.sessiongrid.session.SessionStores;
import io.sessiongrid.testkit.CompactBytes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The session store's keys and values serialize to the bytes Hazelcast's other clients write for them. */
class SessionCompactBytesTest {
    private final SerializationConfig config = SessionStores.registerSerializers(new SerializationConfig());

    @Test
    void everySerializerWritesHazelcastsCanonicalOrder() {
        StoredPartition plain = new StoredPartition(7, 1_700_000_000_000L, "{\"sku-1\":\"2\"}", null, 13);
        CompactBytes.assertCanonical(config, List.of(
                new SessionKey("s-42", "cart", false), new SessionKey("user-7", "game", true),
                plain, new StoredPartition(8, 1L, null, new byte[] {1, 2, 3}, 3),
                WriteResult.ok(7, 13), WriteResult.corrupt(7, "broken"),
                new SetIfVersionProcessor(7, plain), new ElementDeltaProcessor("sku-1", "3", 9, 2L, 4096),
                new ElementDeltaProcessor("sku-1", null, 9, 2L, 4096), ExistsProcessor.INSTANCE, VersionProbe.INSTANCE));
    }

    @Test
    void keysAreTheBytesTheNodeJsClientWrites() {
        // Whole HeapData, partition hash included: Node.js computes it from the same partition key.
        assertEquals(CompactBytes.nodeFixture("SessionKey(s-42,cart,session)"),
                CompactBytes.hex(CompactBytes.serialize(config, new SessionKey("s-42", "cart", false)), 0));
        assertEquals(CompactBytes.nodeFixture("SessionKey(user-7,game,spread)"),
                CompactBytes.hex(CompactBytes.serialize(config, new SessionKey("user-7", "game", true)), 0));
    }

    @Test
    void valuesAreTheBytesTheNodeJsClientWrites() {
        StoredPartition sealed = new StoredPartition(1_234_567_890_123L, 1_700_000_000_000L, null,
                new byte[] {1, 2, 3, 4, 5}, 13);
        assertEquals(CompactBytes.nodeFixture("SessionPartition(sealed)"),
                CompactBytes.hex(CompactBytes.serialize(config, sealed), 0));
    }
}
