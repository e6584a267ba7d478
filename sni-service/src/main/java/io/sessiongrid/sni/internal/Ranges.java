package io.sessiongrid.sni.internal;

import io.sessiongrid.sni.IdRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects chunk offsets into runs, and converts between runs and {@link IdRange}s. */
final class Ranges {
    private int[] starts = new int[4];
    private int[] lengths = new int[4];
    private byte[] codes = new byte[4];
    private int size;
    private int total;

    /** Adds one offset with a code; merges with the previous run when consecutive and of the same code. */
    void add(int offset, byte code) {
        total++;
        if (size > 0 && codes[size - 1] == code && starts[size - 1] + lengths[size - 1] == offset) {
            lengths[size - 1]++;
            return;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            codes = Arrays.copyOf(codes, size * 2);
        }
        starts[size] = offset;
        lengths[size] = 1;
        codes[size] = code;
        size++;
    }

    void add(int offset) {
        add(offset, (byte) 0);
    }

    int total() {
        return total;
    }

    int[] starts() {
        return Arrays.copyOf(starts, size);
    }

    int[] lengths() {
        return Arrays.copyOf(lengths, size);
    }

    byte[] codes() {
        return Arrays.copyOf(codes, size);
    }

    /** Absolute identifier ranges of a chunk result. */
    static List<IdRange> toIds(int chunk, int chunkSize, int[] starts, int[] lengths) {
        List<IdRange> out = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            out.add(new IdRange((long) chunk * chunkSize + starts[i], lengths[i]));
        }
        return out;
    }

    /**
     * Splits identifier ranges by chunk: chunk index -> {offset, length} pairs, flattened. Ranges outside
     * {@code [0, totalIds)} go to {@code outside}.
     */
    static Map<Integer, int[]> byChunk(Collection<IdRange> ids, int chunkSize, long totalIds, List<IdRange> outside) {
        Map<Integer, List<int[]>> parts = new TreeMap<>();
        for (IdRange range : ids) {
            long first = range.first();
            long end = range.first() + range.length();
            if (end > totalIds) {
                long from = Math.max(first, totalIds);
                outside.add(new IdRange(from, (int) (end - from)));
                end = totalIds;
            }
            while (first < end) {
                int chunk = (int) (first / chunkSize);
                int offset = (int) (first % chunkSize);
                int length = (int) Math.min(end - first, chunkSize - offset);
                parts.computeIfAbsent(chunk, k -> new ArrayList<>()).add(new int[] {offset, length});
                first += length;
            }
        }
        Map<Integer, int[]> result = new TreeMap<>();
        parts.forEach((chunk, list) -> {
            int[] flat = new int[list.size() * 2];
            for (int i = 0; i < list.size(); i++) {
                flat[2 * i] = list.get(i)[0];
                flat[2 * i + 1] = list.get(i)[1];
            }
            result.put(chunk, flat);
        });
        return result;
    }

    /** Merges adjacent ranges of a sorted list. */
    static List<IdRange> merge(List<IdRange> ranges) {
        List<IdRange> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Long.compare(a.first(), b.first()));
        List<IdRange> out = new ArrayList<>();
        for (IdRange r : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).last() + 1 == r.first()) {
                IdRange prev = out.remove(out.size() - 1);
                out.add(new IdRange(prev.first(), prev.length() + r.length()));
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
