package io.sessiongrid.sni.internal;

import com.hazelcast.config.SerializationConfig;
import io.sessiongrid.sni.SniSerialization;
import io.sessiongrid.sni.sharding.ShardingMode;
import io.sessiongrid.testkit.CompactBytes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Every SNI record and processor serializes to the bytes Hazelcast's other clients write for its fields. */
class SniCompactBytesTest {
    @Test
    void everySerializerWritesHazelcastsCanonicalOrder() {
        SerializationConfig config = SniSerialization.register(new SerializationConfig());
        Map<Integer, int[]> parts = Map.of(3, new int[] {0, 4, 10, 2});
        CompactBytes.assertCanonical(config, List.of(
                new Chunk(3, "video", 1, 2, 0, new int[] {0}, new int[] {4}, new byte[] {1}, new long[] {9},
                        new long[] {2}),
                new PoolDirectory(64, 4096, 7, 1, new long[] {1}, 1),
                new AppRecord("video", 1, 5, new int[] {3}, new int[0], new int[0], new long[] {11}),
                new ReservationRecord(11, "video", (byte) 1, 64, new int[] {3}, 5, 60, (byte) 0, "m1"),
                new ChunkProcessors.Claim("video", 4096, 5, 0),
                new ChunkProcessors.Allocate("video", 9, 64, 4096, 5),
                new ChunkProcessors.Reserve("video", 11, 64, 4096, 5, 60),
                new ChunkProcessors.Pin("video", 4096, 5, 60, 0),
                new ChunkProcessors.Release(parts, 4096, 5),
                new ChunkProcessors.Heartbeat(9, new long[] {11}, parts, 4096, 5),
                new ChunkProcessors.ReleaseHolder(9, (byte) 1, 4096, 5),
                new ChunkProcessors.Extend(11, 4096, 60),
                new ChunkProcessors.Reclaim(parts, 4096, 5, 600),
                new ChunkProcessors.Sweep(4096, 5, 600),
                new ChunkOutcome.Runs(ChunkOutcome.Status.OK, "video", 12, new int[] {0}, new int[] {4},
                        new byte[] {0}),
                new ChunkOutcome.Claimed(true, "video"), new ChunkOutcome.Released("video", 4, 1, 0),
                new ChunkOutcome.Beat("video", 4, 2), new ChunkOutcome.Freed("video", 4),
                new ChunkOutcome.Swept("video", 4, 2, true),
                new AppProcessors.Register("video", 1, 5),
                new AppProcessors.Chunks(new int[] {3}, new int[0], new int[] {3}, new int[0]),
                new AppProcessors.Reservations(11, true, new int[] {3}),
                new DirectoryProcessors.Init(64, 4096, 7),
                new DirectoryProcessors.Figures(),
                new DirectoryProcessors.Take(ShardingMode.DYNAMIC, 0, 64),
                new DirectoryProcessors.Mark(new int[] {3}, true),
                new ReservationProcessors.SetChunks(new int[] {3}),
                new ReservationProcessors.Extend(5, 60, "m1"),
                new ReservationProcessors.End((byte) 2, 5, false, "m1")));
    }
}
