package defernorm.hdl;

import java.math.BigInteger;

/**
 * A register on the module's implicit clock. It keeps its value in cycles where it is not set. Optional
 * synchronous, active-high reset value ({@link #resetTo}) and clock enable ({@link #enable}).
 *
 * <pre>{@code
 * Reg count = reg("count_q", Type.uint(8)).resetTo(0);
 * when(en, () -> count.set(count.plus(1).truncate(8)));   // sets the next value; later sets win
 * }</pre>
 */
public final class Reg extends Signal {
    Reg(Net net) { super(net); }

    /** The value loaded while {@code rst} is high; out of range is an error. */
    public Reg resetTo(long value) { return resetTo(BigInteger.valueOf(value), SourceLocator.here()); }

    public Reg resetTo(BigInteger value) { return resetTo(value, SourceLocator.here()); }

    private Reg resetTo(BigInteger value, defernorm.hdl.ir.SourceLoc at) {
        if (b().fits(value, type(), at)) net.value = value;
        return this;
    }

    /** A clock enable: the register only loads (its next value) in cycles where {@code en} is high. */
    public Reg enable(Signal en) {
        var at = SourceLocator.here();
        if (!b().isBool(en.net, at, "the enable of " + net.describe())) return this;
        if (net.enable != null) {
            b().error(at, net.describe() + " already has an enable (set at " + net.enableLoc + ").");
            return this;
        }
        net.enable = en.net;
        net.enableLoc = at;
        return this;
    }

    /** The reset value of an enum register: {@code reg("state_q", State.class).resetTo(State.IDLE)}. */
    public <E extends Enum<E>> Reg resetTo(E value) {
        var at = SourceLocator.here();
        if (b().sameEnum(net, value.getDeclaringClass(), at, "resetTo(" + EnumCodes.spell(value) + ")")) {
            net.value = BigInteger.valueOf(value.ordinal());
        }
        return this;
    }
}
