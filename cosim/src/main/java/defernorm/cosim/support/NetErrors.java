package defernorm.cosim.support;

import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.List;

/**
 * The wording of the errors both engines give for the same bad request, so a test reads the same
 * sentence whichever engine runs it.
 *
 * <pre>{@code throw NetErrors.doesNotFit("a", Type.uint(8), 256);   // value 256 does not fit input 'a' of UInt(8) (range 0..255) }</pre>
 */
public final class NetErrors {
    private NetErrors() {}

    public static IllegalArgumentException noSuchNet(String name, List<String> peekable) {
        return new IllegalArgumentException("the design has no port or debug net named '" + name
                + "'; peek works on ports and nets marked for debug (" + names(peekable) + ")");
    }

    public static IllegalArgumentException noSuchInput(String name, List<String> inputs) {
        return new IllegalArgumentException("the design has no input port named '" + name + "' (its inputs: "
                + names(inputs) + ")");
    }

    /** {@code output} true for an output port, false for a debug net. */
    public static IllegalArgumentException notAnInput(String name, boolean output, List<String> inputs) {
        return new IllegalArgumentException("'" + name + "' is " + (output ? "an output port" : "a debug net")
                + " and cannot be poked; only input ports can (" + names(inputs) + ")");
    }

    public static IllegalArgumentException clockIsNotPoked() {
        return new IllegalArgumentException("'clk' cannot be poked: step() applies the clock edges");
    }

    public static IllegalArgumentException doesNotFit(String input, Type t, Object value) {
        return new IllegalArgumentException("value " + value + " does not fit input '" + input + "' of " + t
                + " (range " + range(t) + ")");
    }

    public static IllegalArgumentException neverMatches(String net, Type t, BigInteger expected) {
        return new IllegalArgumentException("expected value " + expected + " can never match '" + net + "' of " + t
                + " (range " + range(t) + ")");
    }

    /** "-128..127": the values a net of type {@code t} holds. */
    public static String range(Type t) {
        BigInteger min = t.signed() ? BigInteger.ONE.shiftLeft(t.width() - 1).negate() : BigInteger.ZERO;
        BigInteger max = BigInteger.ONE.shiftLeft(t.signed() ? t.width() - 1 : t.width()).subtract(BigInteger.ONE);
        return min + ".." + max;
    }

    /** The first names, comma-separated. */
    private static String names(List<String> all) {
        if (all.size() <= 12) return String.join(", ", all);
        return String.join(", ", all.subList(0, 12)) + ", ... " + (all.size() - 12) + " more";
    }
}
