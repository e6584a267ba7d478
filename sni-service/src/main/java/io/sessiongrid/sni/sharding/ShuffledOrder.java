package io.sessiongrid.sni.sharding;

/**
 * A seeded pseudo-random permutation of {@code [0, n)} for {@code n} a power of two: the order in which the
 * random-sharding baseline hands out chunks. Built from bijections on {@code log2(n)}-bit integers
 * (add, multiply by an odd number, xor-shift), so it needs no table and visits every chunk exactly once per cycle.
 */
public final class ShuffledOrder {
    private final int bits;
    private final long mask;
    private final long add;
    private final long mul1;
    private final long mul2;

    public ShuffledOrder(int n, long seed) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("the shuffled order needs a power of two, got " + n);
        }
        this.bits = Integer.numberOfTrailingZeros(n);
        this.mask = n - 1L;
        long s = mix64(seed);
        this.add = s & mask;
        this.mul1 = (mix64(s) | 1L) & mask | 1L;
        this.mul2 = (mix64(s + 0x9E3779B97F4A7C15L) | 1L) & mask | 1L;
    }

    /** The chunk at position {@code i} of the order (positions wrap around). */
    public int at(long i) {
        if (bits == 0) {
            return 0;
        }
        long x = (i + add) & mask;
        x = (x * mul1) & mask;
        x ^= x >>> Math.max(1, bits / 2);
        x = (x * mul2) & mask;
        x ^= x >>> Math.max(1, (bits + 1) / 3);
        return (int) x;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
