package defernorm.golden.fixed;

/**
 * The one rounding rule of the project: round half up (toward +infinity on ties), implemented as
 * add-half-then-arithmetic-shift-right. Used everywhere a value loses fractional bits unless stated.
 *
 * <pre>{@code
 * Rounding.roundShift(5, 1)   // 3   (2.5 -> 3)
 * Rounding.roundShift(-5, 1)  // -2  (-2.5 -> -2)
 * Rounding.roundShift(7, 0)   // 7
 * }</pre>
 */
public final class Rounding {
    /** Shift amounts at or above this give the same result as this (inputs stay below 2^61). */
    public static final int MAX_SHIFT = 62;

    private Rounding() {}

    /**
     * {@code floor((v + 2^(s-1)) / 2^s)} for {@code s >= 1}; {@code v} for {@code s == 0}.
     * Shift amounts above {@link #MAX_SHIFT} are clamped to it (the RTL clamps the same way), which
     * yields 0 for every |v| < 2^61.
     *
     * @param v signed value, |v| < 2^61
     * @param s shift amount, s >= 0
     */
    public static long roundShift(long v, int s) {
        if (s < 0) {
            throw new IllegalArgumentException("shift amount must be >= 0, got " + s);
        }
        if (s == 0) {
            return v;
        }
        int sh = Math.min(s, MAX_SHIFT);
        return (v + (1L << (sh - 1))) >> sh;
    }

    /** Arithmetic shift right without rounding: {@code floor(v / 2^s)}, clamped like roundShift. */
    public static long floorShift(long v, int s) {
        if (s < 0) {
            throw new IllegalArgumentException("shift amount must be >= 0, got " + s);
        }
        return v >> Math.min(s, 63);
    }
}
