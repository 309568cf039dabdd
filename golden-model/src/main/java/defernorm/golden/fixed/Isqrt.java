package defernorm.golden.fixed;

/**
 * Exact integer square root by the digit-by-digit restoring method: one result bit per step, most
 * significant first.
 *
 * <p>Step {@code i} (i = k-1 down to 0, k = inBits/2), with remainder {@code rem} and root {@code q}
 * (both start at 0): bring down the next two input bits, {@code rem = (rem << 2) | bits(v, 2i+1..2i)};
 * trial {@code t = (q << 2) | 1}; if {@code rem >= t} then {@code rem -= t, q = (q << 1) | 1} else
 * {@code q = q << 1}.
 *
 * <p>No longer on the datapath: the factors use the table-seeded {@link InverseSqrtTable}. Kept only
 * while {@code timing.Latencies} still names its step count; delete it together with Latencies.
 *
 * <pre>{@code
 * Isqrt.floorSqrt(1L << 30, 32)  // 32768
 * Isqrt.floorSqrt(99, 8)         // 9
 * }</pre>
 */
public final class Isqrt {
    private Isqrt() {}

    /**
     * {@code floor(sqrt(v))}.
     *
     * @param v      unsigned value below 2^inBits
     * @param inBits even width of {@code v}, 2..62; the result has inBits/2 bits
     */
    public static long floorSqrt(long v, int inBits) {
        if (inBits < 2 || inBits > 62 || (inBits & 1) != 0) {
            throw new IllegalArgumentException("isqrt input width must be even and in 2..62, got " + inBits);
        }
        if (v < 0 || (v >>> inBits) != 0) {
            throw new IllegalArgumentException("isqrt input " + v + " does not fit " + inBits + " unsigned bits");
        }
        long rem = 0;
        long q = 0;
        for (int i = inBits / 2 - 1; i >= 0; i--) {
            rem = (rem << 2) | ((v >>> (2 * i)) & 3);
            long trial = (q << 2) | 1;
            if (rem >= trial) {
                rem -= trial;
                q = (q << 1) | 1;
            } else {
                q = q << 1;
            }
        }
        return q;
    }

    /** Number of restoring steps (= pipeline stages) for an input of {@code inBits} bits. */
    public static int steps(int inBits) {
        return inBits / 2;
    }
}
