package defernorm.hdl;

import defernorm.hdl.ir.Type;

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
    public Reg resetTo(long value) { return resetTo(BigInteger.valueOf(value)); }

    public Reg resetTo(BigInteger value) {
        // the caller's line is only needed for the error: finding it costs a stack walk per register
        if (Builder.inRange(value, type()) || b().fits(value, type(), SourceLocator.here())) net.value = value;
        return this;
    }

    /** A clock enable: the register only loads (its next value) in cycles where {@code en} is high. */
    public Reg enable(Signal en) {
        var at = SourceLocator.here();
        // the message is built only for an error: this runs for every register with an enable
        boolean bool = en.net.owner == b() && en.net.type.equals(Type.bool());
        if (!bool && !b().isBool(en.net, at, "the enable of " + net.describe())) return this;
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
