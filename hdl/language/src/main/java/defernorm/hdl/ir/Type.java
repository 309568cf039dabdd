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

    /** Verilog-like spelling, e.g. {@code UInt(8)} / {@code SInt(16)}, used in error messages. */
    @Override public String toString() { return (signed ? "SInt(" : "UInt(") + width + ")"; }
}
