package io.sessiongrid.sni.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.sni.sharding.ShardingMode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Explicit Compact serializers of the SNI entry processors and of {@link ChunkResult}, type names
 * {@code sessiongrid.sni.<map>.<Processor>}. Hazelcast uses a registered Compact serializer before Java
 * serialization, so these classes cross the wire (client to member, primary to backup) without the Java
 * deserialization allowlist. Field names are part of the wire format: a rolling upgrade must keep them.
 */
final class ProcessorSerializers {
    private ProcessorSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(
                of("chunk.Claim", ChunkProcessors.Claim.class,
                        in -> new ChunkProcessors.Claim(in.readString("app"), in.readInt32("size"),
                                in.readInt64("now"), in.readInt64("pinUntil")),
                        (out, p) -> {
                            out.writeString("app", p.app());
                            out.writeInt32("size", p.size());
                            out.writeInt64("now", p.now());
                            out.writeInt64("pinUntil", p.pinUntil());
                        }),
                of("chunk.Allocate", ChunkProcessors.Allocate.class,
                        in -> new ChunkProcessors.Allocate(in.readString("app"), in.readInt64("lease"),
                                in.readInt32("count"), in.readInt32("size"), in.readInt64("now")),
                        (out, p) -> {
                            out.writeString("app", p.app());
                            out.writeInt64("lease", p.lease());
                            out.writeInt32("count", p.count());
                            out.writeInt32("size", p.size());
                            out.writeInt64("now", p.now());
                        }),
                of("chunk.Reserve", ChunkProcessors.Reserve.class,
                        in -> new ChunkProcessors.Reserve(in.readString("app"), in.readInt64("reservation"),
                                in.readInt32("count"), in.readInt32("size"), in.readInt64("now"),
                                in.readInt64("expiresAt")),
                        (out, p) -> {
                            out.writeString("app", p.app());
                            out.writeInt64("reservation", p.reservation());
                            out.writeInt32("count", p.count());
                            out.writeInt32("size", p.size());
                            out.writeInt64("now", p.now());
                            out.writeInt64("expiresAt", p.expiresAt());
                        }),
                of("chunk.Pin", ChunkProcessors.Pin.class,
                        in -> new ChunkProcessors.Pin(in.readString("app"), in.readInt32("size"), in.readInt64("now"),
                                in.readInt64("until"), in.readInt64("unpinIf")),
                        (out, p) -> {
                            out.writeString("app", p.app());
                            out.writeInt32("size", p.size());
                            out.writeInt64("now", p.now());
                            out.writeInt64("until", p.until());
                            out.writeInt64("unpinIf", p.unpinIf());
                        }),
                of("chunk.Release", ChunkProcessors.Release.class,
                        in -> new ChunkProcessors.Release(readParts(in), in.readInt32("size"), in.readInt64("now")),
                        (out, p) -> {
                            writeParts(out, p.parts());
                            out.writeInt32("size", p.size());
                            out.writeInt64("now", p.now());
                        }),
                of("chunk.Heartbeat", ChunkProcessors.Heartbeat.class,
                        in -> new ChunkProcessors.Heartbeat(in.readInt64("lease"), in.readArrayOfInt64("handedFrom"),
                                readParts(in), in.readInt32("size"), in.readInt64("now")),
                        (out, p) -> {
                            out.writeInt64("lease", p.lease());
                            out.writeArrayOfInt64("handedFrom", p.handedFrom());
                            writeParts(out, p.parts());
                            out.writeInt32("size", p.size());
                            out.writeInt64("now", p.now());
                        }),
                of("chunk.ReleaseHolder", ChunkProcessors.ReleaseHolder.class,
                        in -> new ChunkProcessors.ReleaseHolder(in.readInt64("holder"), in.readInt8("kind"),
                                in.readInt32("size"), in.readInt64("now")),
                        (out, p) -> {
                            out.writeInt64("holder", p.holder());
                            out.writeInt8("kind", p.kind());
                            out.writeInt32("size", p.size());
                            out.writeInt64("now", p.now());
                        }),
                of("chunk.Extend", ChunkProcessors.Extend.class,
                        in -> new ChunkProcessors.Extend(in.readInt64("reservation"), in.readInt32("size"),
                                in.readInt64("expiresAt")),
                        (out, p) -> {
                            out.writeInt64("reservation", p.reservation());
                            out.writeInt32("size", p.size());
                            out.writeInt64("expiresAt", p.expiresAt());
                        }),
                of("chunk.Reclaim", ChunkProcessors.Reclaim.class,
                        in -> new ChunkProcessors.Reclaim(readParts(in), in.readInt32("size"), in.readInt64("now"),
                                in.readInt64("idleMillis")),
                        (out, p) -> {
                            writeParts(out, p.parts());
                            out.writeInt32("size", p.size());
                            out.writeInt64("now", p.now());
                            out.writeInt64("idleMillis", p.idleMillis());
                        }),
                of("chunk.Sweep", ChunkProcessors.Sweep.class,
                        in -> new ChunkProcessors.Sweep(in.readInt32("size"), in.readInt64("now"),
                                in.readInt64("idleMillis")),
                        (out, p) -> {
                            out.writeInt32("size", p.size());
                            out.writeInt64("now", p.now());
                            out.writeInt64("idleMillis", p.idleMillis());
                        }),
                of("chunk.Result", ChunkResult.class,
                        in -> new ChunkResult(in.readInt32("status"), in.readString("owner"),
                                in.readArrayOfInt32("starts"), in.readArrayOfInt32("lengths"),
                                in.readArrayOfInt8("codes"), in.readInt32("free"), in.readInt64("a"),
                                in.readInt64("b"), in.readInt64("c"), in.readBoolean("flag")),
                        (out, r) -> {
                            out.writeInt32("status", r.status());
                            out.writeString("owner", r.owner());
                            out.writeArrayOfInt32("starts", r.starts());
                            out.writeArrayOfInt32("lengths", r.lengths());
                            out.writeArrayOfInt8("codes", r.codes());
                            out.writeInt32("free", r.free());
                            out.writeInt64("a", r.a());
                            out.writeInt64("b", r.b());
                            out.writeInt64("c", r.c());
                            out.writeBoolean("flag", r.flag());
                        }),
                of("app.Register", AppProcessors.Register.class,
                        in -> new AppProcessors.Register(in.readString("appId"), in.readInt32("priority"),
                                in.readInt64("now")),
                        (out, p) -> {
                            out.writeString("appId", p.appId());
                            out.writeInt32("priority", p.priority());
                            out.writeInt64("now", p.now());
                        }),
                of("app.Chunks", AppProcessors.Chunks.class,
                        in -> new AppProcessors.Chunks(in.readArrayOfInt32("added"), in.readArrayOfInt32("removed"),
                                in.readArrayOfInt32("nowFull"), in.readArrayOfInt32("nowOpen")),
                        (out, p) -> {
                            out.writeArrayOfInt32("added", p.added());
                            out.writeArrayOfInt32("removed", p.removed());
                            out.writeArrayOfInt32("nowFull", p.nowFull());
                            out.writeArrayOfInt32("nowOpen", p.nowOpen());
                        }),
                of("app.Reservations", AppProcessors.Reservations.class,
                        in -> new AppProcessors.Reservations(in.readInt64("reservation"), in.readBoolean("add"),
                                in.readArrayOfInt32("shadowChunks")),
                        (out, p) -> {
                            out.writeInt64("reservation", p.reservation());
                            out.writeBoolean("add", p.add());
                            out.writeArrayOfInt32("shadowChunks", p.shadowChunks());
                        }),
                of("directory.Init", DirectoryProcessors.Init.class,
                        in -> new DirectoryProcessors.Init(in.readInt32("chunks"), in.readInt32("chunkSize"),
                                in.readInt64("seed")),
                        (out, p) -> {
                            out.writeInt32("chunks", p.chunks());
                            out.writeInt32("chunkSize", p.chunkSize());
                            out.writeInt64("seed", p.seed());
                        }),
                of("directory.Figures", DirectoryProcessors.Figures.class,
                        in -> new DirectoryProcessors.Figures(),
                        (out, p) -> {
                        }),
                of("directory.Take", DirectoryProcessors.Take.class,
                        in -> new DirectoryProcessors.Take(ShardingMode.valueOf(in.readString("mode")),
                                in.readInt32("lo"), in.readInt32("hi")),
                        (out, p) -> {
                            out.writeString("mode", p.mode().name());
                            out.writeInt32("lo", p.lo());
                            out.writeInt32("hi", p.hi());
                        }),
                of("directory.Mark", DirectoryProcessors.Mark.class,
                        in -> new DirectoryProcessors.Mark(in.readArrayOfInt32("chunks"), in.readBoolean("taken")),
                        (out, p) -> {
                            out.writeArrayOfInt32("chunks", p.chunksToMark());
                            out.writeBoolean("taken", p.taken());
                        }),
                of("reservation.SetChunks", ReservationProcessors.SetChunks.class,
                        in -> new ReservationProcessors.SetChunks(in.readArrayOfInt32("chunks")),
                        (out, p) -> out.writeArrayOfInt32("chunks", p.chunks())),
                of("reservation.Extend", ReservationProcessors.Extend.class,
                        in -> new ReservationProcessors.Extend(in.readInt64("now"), in.readInt64("expiresAt"),
                                in.readString("caller")),
                        (out, p) -> {
                            out.writeInt64("now", p.now());
                            out.writeInt64("expiresAt", p.expiresAt());
                            out.writeString("caller", p.caller());
                        }),
                of("reservation.End", ReservationProcessors.End.class,
                        in -> new ReservationProcessors.End(in.readInt8("state"), in.readInt64("now"),
                                in.readBoolean("onlyIfExpired"), in.readString("caller")),
                        (out, p) -> {
                            out.writeInt8("state", p.state());
                            out.writeInt64("now", p.now());
                            out.writeBoolean("onlyIfExpired", p.onlyIfExpired());
                            out.writeString("caller", p.caller());
                        }));
    }

    /** Per-chunk (offset, length) pairs as three arrays: chunk keys, pair-array sizes, and the pairs concatenated. */
    private static void writeParts(CompactWriter out, Map<Integer, int[]> parts) {
        int[] keys = new int[parts.size()];
        int[] sizes = new int[parts.size()];
        int total = 0;
        for (int[] v : parts.values()) {
            total += v.length;
        }
        int[] flat = new int[total];
        int i = 0;
        int at = 0;
        for (Map.Entry<Integer, int[]> e : new TreeMap<>(parts).entrySet()) {
            keys[i] = e.getKey();
            sizes[i] = e.getValue().length;
            System.arraycopy(e.getValue(), 0, flat, at, sizes[i]);
            at += sizes[i];
            i++;
        }
        out.writeArrayOfInt32("partChunks", keys);
        out.writeArrayOfInt32("partSizes", sizes);
        out.writeArrayOfInt32("partPairs", flat);
    }

    private static Map<Integer, int[]> readParts(CompactReader in) {
        int[] keys = in.readArrayOfInt32("partChunks");
        int[] sizes = in.readArrayOfInt32("partSizes");
        int[] flat = in.readArrayOfInt32("partPairs");
        Map<Integer, int[]> parts = new TreeMap<>();
        int at = 0;
        for (int i = 0; i < keys.length; i++) {
            int[] pairs = new int[sizes[i]];
            System.arraycopy(flat, at, pairs, 0, sizes[i]);
            at += sizes[i];
            parts.put(keys[i], pairs);
        }
        return parts;
    }

    private static <T> CompactSerializer<T> of(String name, Class<T> type, Function<CompactReader, T> read,
                                               BiConsumer<CompactWriter, T> write) {
        return new CompactSerializer<>() {
            @Override
            public T read(CompactReader in) {
                return read.apply(in);
            }

            @Override
            public void write(CompactWriter out, T value) {
                write.accept(out, value);
            }

            @Override
            public String getTypeName() {
                return "sessiongrid.sni." + name;
            }

            @Override
            public Class<T> getCompactClass() {
                return type;
            }
        };
    }
}
