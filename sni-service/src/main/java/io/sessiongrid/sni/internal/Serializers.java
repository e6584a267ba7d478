package io.sessiongrid.sni.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.List;

/**
 * Explicit Compact serializers of every record stored in the SNI maps, with stable type names
 * ({@code sessiongrid.sni.*}) that Management Center and SQL show, plus those of the entry processors and their
 * results ({@link ProcessorSerializers}). Field names are part of the stored and wire format; fields are written in
 * ascending name order (see {@link NamedCompactSerializer}).
 */
public final class Serializers {
    public static final String CHUNK = "sessiongrid.sni.Chunk";
    public static final String POOL_DIRECTORY = "sessiongrid.sni.PoolDirectory";
    public static final String APP = "sessiongrid.sni.App";
    public static final String RESERVATION = "sessiongrid.sni.Reservation";

    private Serializers() {
    }

    /** All of them, the stored records' and the entry processors', for {@link io.sessiongrid.sni.SniSerialization}. */
    public static List<CompactSerializer<?>> all() {
        List<CompactSerializer<?>> all = new java.util.ArrayList<>(List.of(new ChunkSerializer(),
                new DirectorySerializer(), new AppSerializer(), new ReservationSerializer()));
        all.addAll(ProcessorSerializers.all());
        return List.copyOf(all);
    }

    static final class ChunkSerializer extends NamedCompactSerializer<Chunk> {
        ChunkSerializer() {
            super(CHUNK, Chunk.class);
        }

        @Override
        public Chunk read(CompactReader in) {
            return new Chunk(in.readInt32("index"), in.readString("owner"), in.readInt64("claimedAt"),
                    in.readInt64("lastActivity"), in.readInt64("pinnedUntil"), in.readArrayOfInt32("starts"),
                    in.readArrayOfInt32("lengths"), in.readArrayOfInt8("kinds"), in.readArrayOfInt64("holders"),
                    in.readArrayOfInt64("stamps"));
        }

        @Override
        public void write(CompactWriter out, Chunk c) {
            out.writeInt64("claimedAt", c.claimedAt());
            out.writeArrayOfInt64("holders", c.holders());
            out.writeInt32("index", c.index());
            out.writeArrayOfInt8("kinds", c.kinds());
            out.writeInt64("lastActivity", c.lastActivity());
            out.writeArrayOfInt32("lengths", c.lengths());
            out.writeString("owner", c.owner());
            out.writeInt64("pinnedUntil", c.pinnedUntil());
            out.writeArrayOfInt64("stamps", c.stamps());
            out.writeArrayOfInt32("starts", c.starts());
        }
    }

    static final class DirectorySerializer extends NamedCompactSerializer<PoolDirectory> {
        DirectorySerializer() {
            super(POOL_DIRECTORY, PoolDirectory.class);
        }

        @Override
        public PoolDirectory read(CompactReader in) {
            return new PoolDirectory(in.readInt32("chunks"), in.readInt32("chunkSize"), in.readInt64("seed"),
                    in.readInt64("cursor"), in.readArrayOfInt64("taken"), in.readInt32("takenCount"));
        }

        @Override
        public void write(CompactWriter out, PoolDirectory d) {
            out.writeInt32("chunkSize", d.chunkSize());
            out.writeInt32("chunks", d.chunks());
            out.writeInt64("cursor", d.cursor());
            out.writeInt64("seed", d.seed());
            out.writeArrayOfInt64("taken", d.taken());
            out.writeInt32("takenCount", d.takenCount());
        }
    }

    static final class AppSerializer extends NamedCompactSerializer<AppRecord> {
        AppSerializer() {
            super(APP, AppRecord.class);
        }

        @Override
        public AppRecord read(CompactReader in) {
            return new AppRecord(in.readString("appId"), in.readInt32("priority"), in.readInt64("registeredAt"),
                    in.readArrayOfInt32("chunks"), in.readArrayOfInt32("full"), in.readArrayOfInt32("reservedChunks"),
                    in.readArrayOfInt64("reservations"));
        }

        @Override
        public void write(CompactWriter out, AppRecord a) {
            out.writeString("appId", a.appId());
            out.writeArrayOfInt32("chunks", a.chunks());
            out.writeArrayOfInt32("full", a.full());
            out.writeInt32("priority", a.priority());
            out.writeInt64("registeredAt", a.registeredAt());
            out.writeArrayOfInt64("reservations", a.reservations());
            out.writeArrayOfInt32("reservedChunks", a.reservedChunks());
        }
    }

    static final class ReservationSerializer extends NamedCompactSerializer<ReservationRecord> {
        ReservationSerializer() {
            super(RESERVATION, ReservationRecord.class);
        }

        @Override
        public ReservationRecord read(CompactReader in) {
            return new ReservationRecord(in.readInt64("id"), in.readString("appId"), in.readInt8("kind"),
                    in.readInt32("count"), in.readArrayOfInt32("chunks"), in.readInt64("createdAt"),
                    in.readInt64("expiresAt"), in.readInt8("state"), in.readString("holder"));
        }

        @Override
        public void write(CompactWriter out, ReservationRecord r) {
            out.writeString("appId", r.appId());
            out.writeArrayOfInt32("chunks", r.chunks());
            out.writeInt32("count", r.count());
            out.writeInt64("createdAt", r.createdAt());
            out.writeInt64("expiresAt", r.expiresAt());
            out.writeString("holder", r.holder());
            out.writeInt64("id", r.id());
            out.writeInt8("kind", r.kind());
            out.writeInt8("state", r.state());
        }
    }
}
