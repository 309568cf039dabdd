package defernorm.hdl.emit;

import defernorm.hdl.ir.Type;

import java.math.BigInteger;

/** Small spelling helpers for Verilog-2005 text: declarations, literals, selects and extensions. */
final class VerilogSyntax {
    private VerilogSyntax() {}

    /** {@code [7:0]} style range with a trailing space, or nothing for a 1-bit net (declared scalar). */
    static String range(int width) { return width == 1 ? "" : "[" + (width - 1) + ":0] "; }

    /** E.g. {@code wire signed [8:0] } (kind is {@code wire}, {@code reg}, {@code input wire}...). */
    static String declPrefix(String kind, Type t) {
        return kind + (t.signed() ? " signed " : " ") + range(t.width());
    }

    /** Bit {@code i} of a net of {@code width} bits; a scalar (1-bit) net is named bare. */
    static String bit(String net, int width, int i) { return width == 1 ? net : net + "[" + i + "]"; }

    /** Bits {@code hi..lo} of a net of {@code width} bits; the whole net is named bare. */
    static String part(String net, int width, int hi, int lo) {
        if (hi == width - 1 && lo == 0) return net;
        return hi == lo ? net + "[" + hi + "]" : net + "[" + hi + ":" + lo + "]";
    }

    /**
     * {@code net} zero- or sign-extended by {@code k >= 0} bits: an unsigned, self-determined expression (a
     * concatenation) of {@code width + k} bits, so its meaning does not depend on where it is used. A sign
     * extension either reads the net once, in two's complement ({@code {({8'd0, a} ^ 16'd128) - 16'd128}}: zero
     * extended, sign bit flipped, its weight 2^(w-1) subtracted, all mod 2^(w+k); Verilator 5.006 makes it a
     * xor and a subtract, where {@code $signed(..) >>> k} cost a masked copy and a signed shift), or twice
     * ({@code {{8{a[7]}}, a}}); {@link SubstitutionDepth} says which.
     */
    static String extend(String net, Type t, int k, boolean readOnce) {
        if (k == 0) return net;
        if (t.signed() && readOnce) {
            String bias = literal(BigInteger.ONE.shiftLeft(t.width() - 1), Type.uint(t.width() + k));
            return "{({" + k + "'d0, " + net + "} ^ " + bias + ") - " + bias + "}";
        }
        String fill = t.signed() ? bit(net, t.width(), t.width() - 1) : "1'b0";
        return "{" + repeat(k, fill) + ", " + net + "}";
    }

    /** {@code {k{x}}}, or just {@code x} when {@code k == 1}. */
    static String repeat(int k, String x) { return k == 1 ? x : "{" + k + "{" + x + "}}"; }

    /**
     * A sized literal of {@code value} in type {@code t}: decimal when small, hex (the two's-complement
     * pattern) when wide; negative values as {@code -8'sd5} so the source reads like the Java.
     */
    static String literal(BigInteger value, Type t) {
        int w = t.width();
        if (w == 1) return value.testBit(0) ? "1'b1" : "1'b0";
        BigInteger mag = value.abs();
        boolean small = mag.bitLength() <= 32;
        long m = mag.longValue();   // a small one printed as a long: BigInteger's decimal conversion runs interpreted, cold
        String s = t.signed() ? "s" : "";
        if (value.signum() >= 0) return small ? w + "'" + s + "d" + m : w + "'" + s + "h" + mag.toString(16);
        if (mag.bitLength() < w && small) return "-" + w + "'sd" + m;   // magnitude fits: no overflow in negation
        BigInteger pattern = value.add(BigInteger.ONE.shiftLeft(w));       // two's complement bits
        return w + "'sh" + pattern.toString(16);
    }
}
