package defernorm.cosim.bench;

/** The native loop's checksum of output words: {@code sum = (sum ^ word) * 0x100000001B3}. */
final class Checksum {
    private long sum;

    /** Folds an output of {@code width <= 32} bits (its value is masked to the width). */
    void add(long value, int width) { sum = (sum ^ (value & ((1L << width) - 1))) * 0x100000001B3L; }

    long value() { return sum; }
}
