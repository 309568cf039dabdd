package defernorm.hdl.ir;

/**
 * The type of a net: a bit width and a signedness. {@code Bool} is {@code Type(1, false)}.
 *
 * <pre>{@code Type t = Type.uint(8);  // 8-bit unsigned }</pre>
 */
public record Type(int width, boolean signed) {
    public Type {
        if (width < 1) throw new IllegalArgumentException("a width must be at least 1 bit, not " + width);
    }

    public static Type uint(int width) { return new Type(width, false); }
    public static Type sint(int width) { return new Type(width, true); }
    public static Type bool() { return new Type(1, false); }

    /**
     * {@code ceil(log2 n)}, Verilog's {@code $clog2}: the bits that index {@code n} things (0 for
     * {@code n <= 1}), e.g. the levels of a balanced adder tree over {@code n} leaves.
     *
     * <pre>{@code Type.clog2(8) == 3; Type.clog2(9) == 4; Type.clog2(1) == 0}</pre>
     */
    public static int clog2(long n) { return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1); }

    /**
     * The width of an unsigned value that holds every number in {@code 0..max}: at least 1 bit. A counter
     * to {@code depth} is {@code uint(bitsFor(depth))}; the address of {@code depth} words is
     * {@code bitsFor(depth - 1)}.
     *
     * <pre>{@code Type.bitsFor(7) == 3; Type.bitsFor(8) == 4; Type.bitsFor(0) == 1}</pre>
     */
    public static int bitsFor(long max) {
        if (max < 0) throw new IllegalArgumentException("bitsFor needs a maximum of at least 0, not " + max);
        return Math.max(1, 64 - Long.numberOfLeadingZeros(max));
    }

    /*
     * equals and hashCode written out: a record's generated ones dispatch through method handles, which run
     * slowly until the JIT has compiled them, and every operation the user writes compares types.
     */
    @Override public boolean equals(Object o) { return o instanceof Type t && t.width == width && t.signed == signed; }

    @Override public int hashCode() { return 31 * width + (signed ? 1 : 0); }

    /** Verilog-like spelling, e.g. {@code UInt(8)} / {@code SInt(16)}, used in error messages. */
    @Override public String toString() { return (signed ? "SInt(" : "UInt(") + width + ")"; }
}
