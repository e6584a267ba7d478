package io.sessiongrid.sni.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;
import io.sessiongrid.sni.sharding.ShardingMode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compact serializers of the SNI entry processors and of their results ({@link ChunkOutcome}), type names
 * {@code sessiongrid.sni.<map>.<Processor>}. Hazelcast uses a registered Compact serializer before Java
 * serialization, so these classes cross the wire (client to member, primary to backup) without the Java
 * deserialization allowlist. Field names are part of the wire format: a rolling upgrade must keep them. Fields are
 * written in ascending name order (see {@link NamedCompactSerializer}).
 */
final class ProcessorSerializers {
    private static final String PREFIX = "sessiongrid.sni.";

    private ProcessorSerializers() {
    }

    static List<CompactSerializer<?>> all() {
        return List.of(
                new ChunkClaimSerializer(),
                new ChunkAllocateSerializer(),
                new ChunkReserveSerializer(),
                new ChunkPinSerializer(),
                new ChunkReleaseSerializer(),
                new ChunkHeartbeatSerializer(),
                new ChunkReleaseHolderSerializer(),
                new ChunkExtendSerializer(),
                new ChunkReclaimSerializer(),
                new ChunkSweepSerializer(),
                new RunsSerializer(),
                new ClaimedSerializer(),
                new ReleasedSerializer(),
                new BeatSerializer(),
                new FreedSerializer(),
                new SweptSerializer(),
                new AppRegisterSerializer(),
                new AppChunksSerializer(),
                new AppReservationsSerializer(),
                new DirectoryInitSerializer(),
                new DirectoryFiguresSerializer(),
                new DirectoryTakeSerializer(),
                new DirectoryMarkSerializer(),
                new ReservationSetChunksSerializer(),
                new ReservationExtendSerializer(),
                new ReservationEndSerializer());
    }

    static final class ChunkClaimSerializer extends NamedCompactSerializer<ChunkProcessors.Claim> {
        ChunkClaimSerializer() {
            super(PREFIX + "chunk.Claim", ChunkProcessors.Claim.class);
        }

        @Override
        public ChunkProcessors.Claim read(CompactReader in) {
            return new ChunkProcessors.Claim(in.readString("app"), in.readInt32("size"),
                    in.readInt64("now"), in.readInt64("pinUntil"));
        }

        @Override
        public void write(CompactWriter out, ChunkProcessors.Claim p) {
            out.writeString("app", p.app());
            out.writeInt64("now", p.now());
            out.writeInt64("pinUntil", p.pinUntil());
            out.writeInt32("size", p.size());
        }
    }

    static final class ChunkAllocateSerializer extends NamedCompactSerializer<ChunkProcessors.Allocate> {
        ChunkAllocateSerializer() {
            super(PREFIX + "chunk.Allocate", ChunkProcessors.Allocate.class);
        }

        @Override
        public ChunkProcessors.Allocate read(CompactReader in) {
            return new ChunkProcessors.Allocate(in.readString("app"), in.readInt64("lease"),
                    in.readInt32("count"), in.readInt32("size"), in.readInt64("now"));
        }

        @Override
        public void write(CompactWriter out, ChunkProcessors.Allocate p) {
            out.writeString("app", p.app());
            out.writeInt32("count", p.count());
            out.writeInt64("lease", p.lease());
            out.writeInt64("now", p.now());
            out.writeInt32("size", p.size());
        }
    }

    static final class ChunkReserveSerializer extends NamedCompactSerializer<ChunkProcessors.Reserve> {
        ChunkReserveSerializer() {
            super(PREFIX + "chunk.Reserve", ChunkProcessors.Reserve.class);
        }

        @Override
        public ChunkProcessors.Reserve read(CompactReader in) {
            return new ChunkProcessors.Reserve(in.readString("app"), in.readInt64("reservation"),
                    in.readInt32("count"), in.readInt32("size"), in.readInt64("now"),
                    in.readInt64("expiresAt"));
        }

        @Override
        public void write(CompactWriter out, ChunkProcessors.Reserve p) {
            out.writeString("app", p.app());
            out.writeInt32("count", p.count());
            out.writeInt64("expiresAt", p.expiresAt());
            out.writeInt64("now", p.now());
            out.writeInt64("reservation", p.reservation());
            out.writeInt32("size", p.size());
        }
    }

    static final class ChunkPinSerializer extends NamedCompactSerializer<ChunkProcessors.Pin> {
        ChunkPinSerializer() {
            super(PREFIX + "chunk.Pin", ChunkProcessors.Pin.class);
        }

        @Override
        public ChunkProcessors.Pin read(CompactReader in) {
            return new ChunkProcessors.Pin(in.readString("app"), in.readInt32("size"), in.readInt64("now"),
                    in.readInt64("until"), in.readInt64("unpinIf"));
        }

        @Override
        public void write(CompactWriter out, ChunkProcessors.Pin p) {
            out.writeString("app", p.app());
            out.writeInt64("now", p.now());
            out.writeInt32("size", p.size());
            out.writeInt64("unpinIf", p.unpinIf());
            out.writeInt64("until", p.until());
        }
    }

    static final class ChunkReleaseSerializer extends NamedCompactSerializer<ChunkProcessors.Release> {
        ChunkReleaseSerializer() {
            super(PREFIX + "chunk.Release", ChunkProcessors.Release.class);
        }

        @Override
        public ChunkProcessors.Release read(CompactReader in) {
            return new ChunkProcessors.Release(readParts(in), in.readInt32("size"), in.readInt64("now"));
        }

        @Override
        public void write(CompactWriter out, ChunkProcessors.Release p) {
            out.writeInt64("now", p.now());
            writeParts(out, p.parts());
            out.writeInt32("size", p.size());
        }
    }

    static final class ChunkHeartbeatSerializer extends NamedCompactSerializer<ChunkProcessors.Heartbeat> {
        ChunkHeartbeatSerializer() {
            super(PREFIX + "chunk.Heartbeat", ChunkProcessors.Heartbeat.class);
        }

        @Override
        public ChunkProcessors.Heartbeat read(CompactReader in) {
            return new ChunkProcessors.Heartbeat(in.readInt64("lease"), in.readArrayOfInt64("handedFrom"),
                    readParts(in), in.readInt32("size"), in.readInt64("now"));
        }

        @Override
        public void write(CompactWriter out, ChunkProcessors.Heartbeat p) {
            out.writeArrayOfInt64("handedFrom", p.handedFrom());
            out.writeInt64("lease", p.lease());
            out.writeInt64("now", p.now());
            writeParts(out, p.parts());
            out.writeInt32("size", p.size());
        }
    }

    static final class ChunkReleaseHolderSerializer extends NamedCompactSerializer<ChunkProcessors.ReleaseHolder> {
        ChunkReleaseHolderSerializer() {
            super(PREFIX + "chunk.ReleaseHolder", ChunkProcessors.ReleaseHolder.class);
        }

        @Override
        public ChunkProcessors.ReleaseHolder read(CompactReader in) {
            return new ChunkProcessors.ReleaseHolder(in.readInt64("holder"), in.readInt8("kind"),
                    in.readInt32("size"), in.readInt64("now"));
        }

        @Override
        public void write(CompactWriter out, ChunkProcessors.ReleaseHolder p) {
            out.writeInt64("holder", p.holder());
            out.writeInt8("kind", p.kind());
            out.writeInt64("now", p.now());
            out.writeInt32("size", p.size());
        }
    }

    static final class ChunkExtendSerializer extends NamedCompactSerializer<ChunkProcessors.Extend> {
        ChunkExtendSerializer() {
            super(PREFIX + "chunk.Extend", ChunkProcessors.Extend.class);
        }

        @Override
        public ChunkProcessors.Extend read(CompactReader in) {
            return new ChunkProcessors.Extend(in.readInt64("reservation"), in.readInt32("size"),
                    in.readInt64("expiresAt"));
        }

        @Override
        public void write(CompactWriter out, ChunkProcessors.Extend p) {
            out.writeInt64("expiresAt", p.expiresAt());
            out.writeInt64("reservation", p.reservation());
            out.writeInt32("size", p.size());
        }
    }

    static final class ChunkReclaimSerializer extends NamedCompactSerializer<ChunkProcessors.Reclaim> {
        ChunkReclaimSerializer() {
            super(PREFIX + "chunk.Reclaim", ChunkProcessors.Reclaim.class);
        }

        @Override
        public ChunkProcessors.Reclaim read(CompactReader in) {
            return new ChunkProcessors.Reclaim(readParts(in), in.readInt32("size"), in.readInt64("now"),
                    in.readInt64("idleMillis"));
        }

        @Override
        public void write(CompactWriter out, ChunkProcessors.Reclaim p) {
            out.writeInt64("idleMillis", p.idleMillis());
            out.writeInt64("now", p.now());
            writeParts(out, p.parts());
            out.writeInt32("size", p.size());
        }
    }

    static final class ChunkSweepSerializer extends NamedCompactSerializer<ChunkProcessors.Sweep> {
        ChunkSweepSerializer() {
            super(PREFIX + "chunk.Sweep", ChunkProcessors.Sweep.class);
        }

        @Override
        public ChunkProcessors.Sweep read(CompactReader in) {
            return new ChunkProcessors.Sweep(in.readInt32("size"), in.readInt64("now"),
                    in.readInt64("idleMillis"));
        }

        @Override
        public void write(CompactWriter out, ChunkProcessors.Sweep p) {
            out.writeInt64("idleMillis", p.idleMillis());
            out.writeInt64("now", p.now());
            out.writeInt32("size", p.size());
        }
    }

    static final class RunsSerializer extends NamedCompactSerializer<ChunkOutcome.Runs> {
        private static final ChunkOutcome.Status[] STATUSES = ChunkOutcome.Status.values();

        RunsSerializer() {
            super(PREFIX + "chunk.Runs", ChunkOutcome.Runs.class);
        }

        @Override
        public ChunkOutcome.Runs read(CompactReader in) {
            return new ChunkOutcome.Runs(STATUSES[in.readInt8("status")], in.readString("owner"), in.readInt32("free"),
                    in.readArrayOfInt32("starts"), in.readArrayOfInt32("lengths"), in.readArrayOfInt8("codes"));
        }

        @Override
        public void write(CompactWriter out, ChunkOutcome.Runs r) {
            out.writeArrayOfInt8("codes", r.codes());
            out.writeInt32("free", r.free());
            out.writeArrayOfInt32("lengths", r.lengths());
            out.writeString("owner", r.owner());
            out.writeArrayOfInt32("starts", r.starts());
            out.writeInt8("status", (byte) r.status().ordinal());
        }
    }

    static final class ClaimedSerializer extends NamedCompactSerializer<ChunkOutcome.Claimed> {
        ClaimedSerializer() {
            super(PREFIX + "chunk.Claimed", ChunkOutcome.Claimed.class);
        }

        @Override
        public ChunkOutcome.Claimed read(CompactReader in) {
            return new ChunkOutcome.Claimed(in.readBoolean("claimed"), in.readString("owner"));
        }

        @Override
        public void write(CompactWriter out, ChunkOutcome.Claimed r) {
            out.writeBoolean("claimed", r.claimed());
            out.writeString("owner", r.owner());
        }
    }

    static final class ReleasedSerializer extends NamedCompactSerializer<ChunkOutcome.Released> {
        ReleasedSerializer() {
            super(PREFIX + "chunk.Released", ChunkOutcome.Released.class);
        }

        @Override
        public ChunkOutcome.Released read(CompactReader in) {
            return new ChunkOutcome.Released(in.readString("owner"), in.readInt32("released"),
                    in.readInt32("alreadyFree"), in.readInt32("reserved"));
        }

        @Override
        public void write(CompactWriter out, ChunkOutcome.Released r) {
            out.writeInt32("alreadyFree", r.alreadyFree());
            out.writeString("owner", r.owner());
            out.writeInt32("released", r.released());
            out.writeInt32("reserved", r.reserved());
        }
    }

    static final class BeatSerializer extends NamedCompactSerializer<ChunkOutcome.Beat> {
        BeatSerializer() {
            super(PREFIX + "chunk.Beat", ChunkOutcome.Beat.class);
        }

        @Override
        public ChunkOutcome.Beat read(CompactReader in) {
            return new ChunkOutcome.Beat(in.readString("owner"), in.readInt32("live"), in.readInt32("handedOver"));
        }

        @Override
        public void write(CompactWriter out, ChunkOutcome.Beat r) {
            out.writeInt32("handedOver", r.handedOver());
            out.writeInt32("live", r.live());
            out.writeString("owner", r.owner());
        }
    }

    static final class FreedSerializer extends NamedCompactSerializer<ChunkOutcome.Freed> {
        FreedSerializer() {
            super(PREFIX + "chunk.Freed", ChunkOutcome.Freed.class);
        }

        @Override
        public ChunkOutcome.Freed read(CompactReader in) {
            return new ChunkOutcome.Freed(in.readString("owner"), in.readInt32("freed"));
        }

        @Override
        public void write(CompactWriter out, ChunkOutcome.Freed r) {
            out.writeInt32("freed", r.freed());
            out.writeString("owner", r.owner());
        }
    }

    static final class SweptSerializer extends NamedCompactSerializer<ChunkOutcome.Swept> {
        SweptSerializer() {
            super(PREFIX + "chunk.Swept", ChunkOutcome.Swept.class);
        }

        @Override
        public ChunkOutcome.Swept read(CompactReader in) {
            return new ChunkOutcome.Swept(in.readString("owner"), in.readInt32("idleFreed"),
                    in.readInt32("expiredFreed"), in.readBoolean("returnedToPool"));
        }

        @Override
        public void write(CompactWriter out, ChunkOutcome.Swept r) {
            out.writeInt32("expiredFreed", r.expiredFreed());
            out.writeInt32("idleFreed", r.idleFreed());
            out.writeString("owner", r.owner());
            out.writeBoolean("returnedToPool", r.returnedToPool());
        }
    }

    static final class AppRegisterSerializer extends NamedCompactSerializer<AppProcessors.Register> {
        AppRegisterSerializer() {
            super(PREFIX + "app.Register", AppProcessors.Register.class);
        }

        @Override
        public AppProcessors.Register read(CompactReader in) {
            return new AppProcessors.Register(in.readString("appId"), in.readInt32("priority"),
                    in.readInt64("now"));
        }

        @Override
        public void write(CompactWriter out, AppProcessors.Register p) {
            out.writeString("appId", p.appId());
            out.writeInt64("now", p.now());
            out.writeInt32("priority", p.priority());
        }
    }

    static final class AppChunksSerializer extends NamedCompactSerializer<AppProcessors.Chunks> {
        AppChunksSerializer() {
            super(PREFIX + "app.Chunks", AppProcessors.Chunks.class);
        }

        @Override
        public AppProcessors.Chunks read(CompactReader in) {
            return new AppProcessors.Chunks(in.readArrayOfInt32("added"), in.readArrayOfInt32("removed"),
                    in.readArrayOfInt32("nowFull"), in.readArrayOfInt32("nowOpen"));
        }

        @Override
        public void write(CompactWriter out, AppProcessors.Chunks p) {
            out.writeArrayOfInt32("added", p.added());
            out.writeArrayOfInt32("nowFull", p.nowFull());
            out.writeArrayOfInt32("nowOpen", p.nowOpen());
            out.writeArrayOfInt32("removed", p.removed());
        }
    }

    static final class AppReservationsSerializer extends NamedCompactSerializer<AppProcessors.Reservations> {
        AppReservationsSerializer() {
            super(PREFIX + "app.Reservations", AppProcessors.Reservations.class);
        }

        @Override
        public AppProcessors.Reservations read(CompactReader in) {
            return new AppProcessors.Reservations(in.readInt64("reservation"), in.readBoolean("add"),
                    in.readArrayOfInt32("shadowChunks"));
        }

        @Override
        public void write(CompactWriter out, AppProcessors.Reservations p) {
            out.writeBoolean("add", p.add());
            out.writeInt64("reservation", p.reservation());
            out.writeArrayOfInt32("shadowChunks", p.shadowChunks());
        }
    }

    static final class DirectoryInitSerializer extends NamedCompactSerializer<DirectoryProcessors.Init> {
        DirectoryInitSerializer() {
            super(PREFIX + "directory.Init", DirectoryProcessors.Init.class);
        }

        @Override
        public DirectoryProcessors.Init read(CompactReader in) {
            return new DirectoryProcessors.Init(in.readInt32("chunks"), in.readInt32("chunkSize"),
                    in.readInt64("seed"));
        }

        @Override
        public void write(CompactWriter out, DirectoryProcessors.Init p) {
            out.writeInt32("chunkSize", p.chunkSize());
            out.writeInt32("chunks", p.chunks());
            out.writeInt64("seed", p.seed());
        }
    }

    static final class DirectoryFiguresSerializer extends NamedCompactSerializer<DirectoryProcessors.Figures> {
        DirectoryFiguresSerializer() {
            super(PREFIX + "directory.Figures", DirectoryProcessors.Figures.class);
        }

        @Override
        public DirectoryProcessors.Figures read(CompactReader in) {
            return new DirectoryProcessors.Figures();
        }

        @Override
        public void write(CompactWriter out, DirectoryProcessors.Figures p) {
            // no state
        }
    }

    static final class DirectoryTakeSerializer extends NamedCompactSerializer<DirectoryProcessors.Take> {
        DirectoryTakeSerializer() {
            super(PREFIX + "directory.Take", DirectoryProcessors.Take.class);
        }

        @Override
        public DirectoryProcessors.Take read(CompactReader in) {
            return new DirectoryProcessors.Take(ShardingMode.valueOf(in.readString("mode")),
                    in.readInt32("lo"), in.readInt32("hi"));
        }

        @Override
        public void write(CompactWriter out, DirectoryProcessors.Take p) {
            out.writeInt32("hi", p.hi());
            out.writeInt32("lo", p.lo());
            out.writeString("mode", p.mode().name());
        }
    }

    static final class DirectoryMarkSerializer extends NamedCompactSerializer<DirectoryProcessors.Mark> {
        DirectoryMarkSerializer() {
            super(PREFIX + "directory.Mark", DirectoryProcessors.Mark.class);
        }

        @Override
        public DirectoryProcessors.Mark read(CompactReader in) {
            return new DirectoryProcessors.Mark(in.readArrayOfInt32("chunks"), in.readBoolean("taken"));
        }

        @Override
        public void write(CompactWriter out, DirectoryProcessors.Mark p) {
            out.writeArrayOfInt32("chunks", p.chunksToMark());
            out.writeBoolean("taken", p.taken());
        }
    }

    static final class ReservationSetChunksSerializer extends NamedCompactSerializer<ReservationProcessors.SetChunks> {
        ReservationSetChunksSerializer() {
            super(PREFIX + "reservation.SetChunks", ReservationProcessors.SetChunks.class);
        }

        @Override
        public ReservationProcessors.SetChunks read(CompactReader in) {
            return new ReservationProcessors.SetChunks(in.readArrayOfInt32("chunks"));
        }

        @Override
        public void write(CompactWriter out, ReservationProcessors.SetChunks p) {
            out.writeArrayOfInt32("chunks", p.chunks());
        }
    }

    static final class ReservationExtendSerializer extends NamedCompactSerializer<ReservationProcessors.Extend> {
        ReservationExtendSerializer() {
            super(PREFIX + "reservation.Extend", ReservationProcessors.Extend.class);
        }

        @Override
        public ReservationProcessors.Extend read(CompactReader in) {
            return new ReservationProcessors.Extend(in.readInt64("now"), in.readInt64("expiresAt"),
                    in.readString("caller"));
        }

        @Override
        public void write(CompactWriter out, ReservationProcessors.Extend p) {
            out.writeString("caller", p.caller());
            out.writeInt64("expiresAt", p.expiresAt());
            out.writeInt64("now", p.now());
        }
    }

    static final class ReservationEndSerializer extends NamedCompactSerializer<ReservationProcessors.End> {
        ReservationEndSerializer() {
            super(PREFIX + "reservation.End", ReservationProcessors.End.class);
        }

        @Override
        public ReservationProcessors.End read(CompactReader in) {
            return new ReservationProcessors.End(in.readInt8("state"), in.readInt64("now"),
                    in.readBoolean("onlyIfExpired"), in.readString("caller"));
        }

        @Override
        public void write(CompactWriter out, ReservationProcessors.End p) {
            out.writeString("caller", p.caller());
            out.writeInt64("now", p.now());
            out.writeBoolean("onlyIfExpired", p.onlyIfExpired());
            out.writeInt8("state", p.state());
        }
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
        out.writeArrayOfInt32("partPairs", flat);
        out.writeArrayOfInt32("partSizes", sizes);
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
}
