package io.sessiongrid.sni;

import java.util.stream.LongStream;

/**
 * A run of consecutive identifiers {@code [first, first + length)}.
 *
 * @param first  the first identifier
 * @param length how many identifiers, at least 1
 */
public record IdRange(long first, int length) {
    public IdRange {
        if (first < 0 || length < 1) {
            throw new IllegalArgumentException("an identifier range needs first >= 0 and length >= 1, got "
                    + first + "+" + length);
        }
    }

    public static IdRange of(long id) {
        return new IdRange(id, 1);
    }

    /** The last identifier in the range (inclusive). */
    public long last() {
        return first + length - 1;
    }

    public boolean contains(long id) {
        return id >= first && id <= last();
    }

    public LongStream ids() {
        return LongStream.range(first, first + length);
    }

    @Override
    public String toString() {
        return length == 1 ? Long.toString(first) : first + ".." + last();
    }
}
