package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.analyzer.SeriesPoint;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A connection's or a session's bounded history at one interval, packed: the newest {@code capacity} windows
 * (plus at most one block more), about 6-12 bytes per window instead of the ~90 of one primitive column per
 * field. These series exist once per connection and session and interval (300,000+ at 100,000 connections),
 * so their size decides the heap, and their number of objects decides the garbage collector's work.
 *
 * <p>Encoding: windows go into blocks of {@link #blockPoints(int)} windows, each a {@code byte[]}. In a block,
 * a window is a varint bit mask of the fields that differ from "as expected", then those fields as zigzag
 * varints: the start as its distance from {@code previous start + interval} (0, so absent, unless windows are
 * missing), samples, sample-millis, requests, bytes and latency as deltas from the previous window of the block
 * (a steady connection costs one byte per window), and the rare counters (opens, closes, errors, late) as
 * values. The first window of a block is coded against zeros, so a block decodes on its own and the oldest
 * block is dropped whole once the newer ones hold {@code capacity} windows. The average open connections is
 * not stored: it is sample-millis over the interval. The API-call mix is kept for the newest window that had
 * one, as in {@link SeriesRing}.
 *
 * <p>Mutable, and confined to the partition thread that owns the entry (changed only inside entry processors;
 * the maps use the OBJECT in-memory format, so an append touches a few bytes and allocates nothing but the
 * occasional new block).
 */
public final class PackedRing {
    public static final String TYPE_NAME = "sessiongrid.analyzer.PackedRing";

    /** Fields of a window, in the order {@link #append(long[], int, String[], long[])} takes them. */
    public static final int START = 0;
    public static final int SAMPLES = 1;
    public static final int SAMPLE_MILLIS = 2;
    public static final int OPENS = 3;
    public static final int CLOSES = 4;
    public static final int REQUESTS = 5;
    public static final int ERRORS = 6;
    public static final int BYTES_IN = 7;
    public static final int BYTES_OUT = 8;
    public static final int LATENCY = 9;
    public static final int LATE = 10;
    public static final int FIELDS = 11;
    /** Mask bit order: the fields that change in a busy window first, so its mask fits one byte. */
    private static final int[] ORDER = {REQUESTS, BYTES_IN, BYTES_OUT, LATENCY, SAMPLES, SAMPLE_MILLIS, START,
            OPENS, CLOSES, ERRORS, LATE};
    private static final boolean[] DELTA = new boolean[FIELDS];
    private static final long[] ZERO = new long[FIELDS];

    static {
        for (int f : new int[]{SAMPLES, SAMPLE_MILLIS, REQUESTS, BYTES_IN, BYTES_OUT, LATENCY}) {
            DELTA[f] = true;
        }
    }

    private final long intervalMillis;
    private final int capacity;
    private final int perBlock;
    /** Blocks, oldest first, from {@code first}; circular. */
    private byte[][] blocks = new byte[2][];
    private int[] counts = new int[2];
    private int first;
    private int blockCount;
    /** Bytes used in the newest block, and where its newest window starts. */
    private int used;
    private int newestAt;
    private int size;
    /** The newest window's fields: the base of the next window's deltas. */
    private final long[] last = new long[FIELDS];
    private static final String[] NO_CALLS = new String[0];
    private static final long[] NO_COUNTS = new long[0];
    private String[] apiCalls = NO_CALLS;
    private long[] apiCounts = NO_COUNTS;
    private long apiStart = Long.MIN_VALUE;

    public PackedRing(long intervalMillis, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.intervalMillis = intervalMillis;
        this.capacity = capacity;
        this.perBlock = blockPoints(capacity);
    }

    /** Windows per block: about an eighth of the capacity, so a ring holds at most ~12% more than it keeps. */
    public static int blockPoints(int capacity) {
        return Math.max(4, Math.min(64, capacity / 8));
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    public int capacity() {
        return capacity;
    }

    /** Windows kept (at most {@link #capacity()}). */
    public int size() {
        return Math.min(size, capacity);
    }

    /** Start of the newest window, or {@code Long.MIN_VALUE} when empty. */
    public long newestStart() {
        return size == 0 ? Long.MIN_VALUE : last[START];
    }

    /** Bytes of packed windows held (for measurements). */
    public long packedBytes() {
        long bytes = 0;
        for (int b = 0; b < blockCount; b++) {
            bytes += blocks[(first + b) % blocks.length].length;
        }
        return bytes;
    }

    /**
     * Appends window {@code v[off .. off + FIELDS)} (fields in the order of the constants above) as the newest,
     * with its API-call mix ({@code calls} may be null). A window with the newest start replaces the newest
     * (a replay after a job restart re-emits whole windows); an older one is ignored.
     *
     * @return whether the ring changed
     */
    public boolean append(long[] v, int off, String[] calls, long[] apiCountsOfWindow) {
        long start = v[off + START];
        if (size > 0 && start < last[START]) {
            return false;
        }
        long[] base;
        if (size > 0 && start == last[START]) {
            base = baseOfNewest();
            used = newestAt;
            counts[newest()]--;
            size--;
        } else if (blockCount == 0 || counts[newest()] == perBlock) {
            seal();
            base = ZERO;
        } else {
            base = last;
        }
        byte[] block = blocks[newest()];
        if (block.length - used < FIELDS * 10 + 2) {
            block = Arrays.copyOf(block, Math.max(block.length * 3 / 2, used + FIELDS * 10 + 2));
            blocks[newest()] = block;
        }
        newestAt = used;
        used = encode(block, used, v, off, base);
        System.arraycopy(v, off, last, 0, FIELDS);
        counts[newest()]++;
        size++;
        while (blockCount > 1 && size - counts[first] >= capacity) {
            size -= counts[first];
            blocks[first] = null;
            counts[first] = 0;
            first = (first + 1) % blocks.length;
            blockCount--;
        }
        if ((calls != null && calls.length > 0) || start == apiStart) {
            apiCalls = calls == null ? NO_CALLS : calls;
            apiCounts = apiCountsOfWindow == null ? NO_COUNTS : apiCountsOfWindow;
            apiStart = start;
        }
        return true;
    }

    /** Appends {@code p} (see {@link #append(long[], int, String[], long[])}). */
    public boolean append(SeriesPoint p) {
        long[] v = {p.windowStart(), p.samples(), Math.round(p.connections() * p.intervalMillis()), p.opens(),
                p.closes(), p.requests(), p.errors(), p.bytesIn(), p.bytesOut(), p.latencyMicros(), p.late()};
        return append(v, 0, p.apiCalls(), p.apiCounts());
    }

    /** The windows kept, oldest first; only the newest with an API-call mix carries it. */
    public List<SeriesPoint> points() {
        List<SeriesPoint> out = new ArrayList<>(size());
        int skip = size - size();
        long[] v = new long[FIELDS];
        for (int b = 0; b < blockCount; b++) {
            int i = (first + b) % blocks.length;
            byte[] block = blocks[i];
            int pos = 0;
            Arrays.fill(v, 0);
            for (int k = 0; k < counts[i]; k++) {
                pos = decode(block, pos, v);
                if (skip > 0) {
                    skip--;
                    continue;
                }
                boolean withMix = v[START] == apiStart;
                out.add(new SeriesPoint(v[START], intervalMillis, v[SAMPLES], (double) v[SAMPLE_MILLIS] / intervalMillis,
                        v[OPENS], v[CLOSES], v[REQUESTS], v[ERRORS], v[BYTES_IN], v[BYTES_OUT], v[LATENCY], v[LATE],
                        withMix ? apiCalls : null, withMix ? apiCounts : null));
            }
        }
        return out;
    }

    private int newest() {
        return (first + blockCount - 1) % blocks.length;
    }

    /** Trims the newest block and opens a new one, sized like the last (windows of a series code alike). */
    private void seal() {
        int expected = 16;
        if (blockCount > 0) {
            int n = newest();
            blocks[n] = Arrays.copyOf(blocks[n], used);
            expected = used + used / 8 + 2;
        }
        if (blockCount == blocks.length) {
            byte[][] grownBlocks = new byte[blocks.length * 2][];
            int[] grownCounts = new int[blocks.length * 2];
            for (int b = 0; b < blockCount; b++) {
                grownBlocks[b] = blocks[(first + b) % blocks.length];
                grownCounts[b] = counts[(first + b) % blocks.length];
            }
            blocks = grownBlocks;
            counts = grownCounts;
            first = 0;
        }
        int n = (first + blockCount) % blocks.length;
        blocks[n] = new byte[expected];
        counts[n] = 0;
        blockCount++;
        used = 0;
    }

    /** The fields of the window before the newest in its block (zeros if the newest opened it). */
    private long[] baseOfNewest() {
        long[] v = new long[FIELDS];
        byte[] block = blocks[newest()];
        int pos = 0;
        for (int k = 0; k < counts[newest()] - 1; k++) {
            pos = decode(block, pos, v);
        }
        return v;
    }

    private int encode(byte[] out, int pos, long[] v, int off, long[] base) {
        // One pass: the mask goes in front of the fields it announces; it fits one byte unless a rare counter
        // (opens, closes, errors, late) is set, and then the fields move up one byte.
        int at = pos++;
        int mask = 0;
        for (int bit = 0; bit < FIELDS; bit++) {
            long c = coded(v, off, base, ORDER[bit]);
            if (c != 0) {
                mask |= 1 << bit;
                pos = writeVarint(out, pos, (c << 1) ^ (c >> 63));
            }
        }
        if (mask < 0x80) {
            out[at] = (byte) mask;
            return pos;
        }
        System.arraycopy(out, at + 1, out, at + 2, pos - at - 1);
        writeVarint(out, at, mask); // two bytes: the mask has at most 11 bits
        return pos + 1;
    }

    /** What is stored of field {@code f}: 0 when it is as expected (then nothing is stored). */
    private long coded(long[] v, int off, long[] base, int f) {
        long value = v[off + f];
        return f == START ? value - base[START] - intervalMillis : DELTA[f] ? value - base[f] : value;
    }

    /** Decodes the window at {@code pos} over {@code v} (holding the previous window of the block); returns the end. */
    private int decode(byte[] in, int pos, long[] v) {
        long mask = 0;
        int shift = 0;
        byte b;
        do {
            b = in[pos++];
            mask |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        long expectedStart = v[START] + intervalMillis;
        v[START] = expectedStart;
        for (int f = 0; f < FIELDS; f++) {
            if (!DELTA[f] && f != START) {
                v[f] = 0;
            }
        }
        for (int bit = 0; bit < FIELDS; bit++) {
            if ((mask & (1L << bit)) != 0) {
                long raw = 0;
                shift = 0;
                do {
                    b = in[pos++];
                    raw |= (long) (b & 0x7F) << shift;
                    shift += 7;
                } while (b < 0);
                long c = (raw >>> 1) ^ -(raw & 1);
                int f = ORDER[bit];
                v[f] = f == START ? expectedStart + c : DELTA[f] ? v[f] + c : c;
            }
        }
        return pos;
    }

    private static int writeVarint(byte[] out, int pos, long value) {
        while ((value & ~0x7FL) != 0) {
            out[pos++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[pos++] = (byte) value;
        return pos;
    }

    /**
     * Compact serializer: the blocks as they are (one byte array, with each block's windows and bytes), so
     * migrations, backups and reads move the packed form. Java readers decode it through {@link #points()}.
     */
    public static final class Serializer extends NamedCompactSerializer<PackedRing> {
        public Serializer() {
            super(TYPE_NAME, PackedRing.class);
        }

        @Override
        public PackedRing read(CompactReader in) {
            PackedRing r = new PackedRing(in.readInt64("intervalMillis"), in.readInt32("capacity"));
            int[] points = in.readArrayOfInt32("blockPoints");
            int[] lengths = in.readArrayOfInt32("blockBytes");
            byte[] packed = in.readArrayOfInt8("packed");
            r.blocks = new byte[Math.max(2, points.length + 1)][];
            r.counts = new int[r.blocks.length];
            int from = 0;
            for (int b = 0; b < points.length; b++) {
                r.blocks[b] = Arrays.copyOfRange(packed, from, from + lengths[b]);
                r.counts[b] = points[b];
                r.size += points[b];
                from += lengths[b];
            }
            r.blockCount = points.length;
            if (r.blockCount > 0) {
                byte[] newest = r.blocks[r.blockCount - 1];
                Arrays.fill(r.last, 0);
                int pos = 0;
                for (int k = 0; k < points[r.blockCount - 1]; k++) {
                    r.newestAt = pos;
                    pos = r.decode(newest, pos, r.last);
                }
                r.used = pos;
            }
            r.apiCalls = in.readArrayOfString("apiCalls");
            r.apiCounts = in.readArrayOfInt64("apiCounts");
            r.apiStart = in.readInt64("apiStart");
            return r;
        }

        @Override
        public void write(CompactWriter out, PackedRing r) {
            int[] points = new int[r.blockCount];
            int[] lengths = new int[r.blockCount];
            int total = 0;
            for (int b = 0; b < r.blockCount; b++) {
                int i = (r.first + b) % r.blocks.length;
                points[b] = r.counts[i];
                lengths[b] = i == r.newest() ? r.used : r.blocks[i].length;
                total += lengths[b];
            }
            byte[] packed = new byte[total];
            int at = 0;
            for (int b = 0; b < r.blockCount; b++) {
                System.arraycopy(r.blocks[(r.first + b) % r.blocks.length], 0, packed, at, lengths[b]);
                at += lengths[b];
            }
            // Ascending field names: the bytes every Hazelcast client writes (NamedCompactSerializer's rule).
            out.writeArrayOfString("apiCalls", r.apiCalls);
            out.writeArrayOfInt64("apiCounts", r.apiCounts);
            out.writeInt64("apiStart", r.apiStart);
            out.writeArrayOfInt32("blockBytes", lengths);
            out.writeArrayOfInt32("blockPoints", points);
            out.writeInt32("capacity", r.capacity);
            out.writeInt64("intervalMillis", r.intervalMillis);
            out.writeArrayOfInt8("packed", packed);
        }
    }
}
