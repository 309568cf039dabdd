package defernorm.cosim.bench;

/**
 * The benchmarks' stimulus generator, bit-identical to the Verilator harness's native loop and to the
 * Icarus testbench: xorshift64 ({@code 13, 7, 17}), one step per input word, inputs in list order.
 */
final class XorShift {
    static final long DEFAULT_SEED = 0x9E3779B97F4A7C15L;
    private long s;

    XorShift(long seed) { s = seed == 0 ? DEFAULT_SEED : seed; }

    /** The next value for an input of {@code width <= 32} bits. */
    long next(int width) {
        s ^= s << 13;
        s ^= s >>> 7;
        s ^= s << 17;
        return s & ((1L << width) - 1);
    }
}
