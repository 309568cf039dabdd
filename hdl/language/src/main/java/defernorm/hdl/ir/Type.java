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

    /*
     * equals and hashCode written out: a record's generated ones dispatch through method handles, which run
     * slowly until the JIT has compiled them, and every operation the user writes compares types.
     */
    @Override public boolean equals(Object o) { return o instanceof Type t && t.width == width && t.signed == signed; }

    @Override public int hashCode() { return 31 * width + (signed ? 1 : 0); }

    /** Verilog-like spelling, e.g. {@code UInt(8)} / {@code SInt(16)}, used in error messages. */
    @Override public String toString() { return (signed ? "SInt(" : "UInt(") + width + ")"; }
}
