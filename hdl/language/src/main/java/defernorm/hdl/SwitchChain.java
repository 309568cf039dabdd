package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code switchOn(sel).is(0, ...).is(1, ...).otherwise(...)}: runs the arm whose value equals {@code sel}
 * (values are constants of sel's type, or values of sel's enum; each at most once). Lowered like a
 * when/elseWhen chain.
 *
 * <pre>{@code
 * switchOn(state)
 *     .is(State.IDLE, () -> when(start, () -> state.set(lit(State.BUSY))))
 *     .is(State.BUSY, () -> when(done, () -> state.set(lit(State.IDLE))));
 * }</pre>
 */
public final class SwitchChain {
    private final Builder b;
    private final Signal sel;
    private final SourceLoc loc;
    private final Map<BigInteger, SourceLoc> seen = new HashMap<>();
    private WhenChain chain;
    private boolean hasOtherwise;

    SwitchChain(Builder b, Signal sel, SourceLoc loc) {
        this.b = b;
        this.sel = sel;
        this.loc = loc;
        if (sel.net.enumClass != null) b.enumSwitches.add(this);
    }

    /**
     * A warning when this switch is over an enum, has no {@code otherwise}, and leaves values without a case:
     * those values keep whatever the switch sets unchanged, which in a state machine is usually a forgotten state.
     */
    void warnOnMissingEnumCases() {
        if (hasOtherwise || sel.net.enumClass == null) return;
        List<String> missing = new ArrayList<>();
        for (Enum<?> v : sel.net.enumClass.getEnumConstants()) {
            if (!seen.containsKey(BigInteger.valueOf(v.ordinal()))) missing.add(v.name());
        }
        if (missing.isEmpty()) return;
        b.warning(loc, "the switch on " + sel.net.describe() + " (a " + sel.net.enumClass.getSimpleName()
                + ") has no case for " + String.join(", ", missing) + " and no otherwise; add them, or an otherwise.");
    }

    /** The arm for {@code value}, a constant of sel's type. */
    public SwitchChain is(long value, Runnable body) {
        SourceLoc at = SourceLocator.here();
        BigInteger v = BigInteger.valueOf(value);
        return arm(v, String.valueOf(value), null, body, at);
    }

    private SwitchChain arm(BigInteger v, String spelled, Net constant, Runnable body, SourceLoc at) {
        SourceLoc first = seen.putIfAbsent(v, at);
        if (first != null) {
            b.error(at, "switch case " + spelled + " appears twice (first at " + first + ").");
            return this;
        }
        Net k = constant != null ? constant : b.constant(v, sel.type(), at);
        Signal cond = new Signal(b.binary(defernorm.hdl.ir.Node.BinaryOp.EQ, defernorm.hdl.ir.Type.bool(), sel.net, k, at));
        if (chain == null) chain = WhenChain.start(b, cond, body, at);
        else chain.elseWhen(cond, body);
        return this;
    }

    /** The arm for enum value {@code value}; {@code sel} must hold that enum ({@code switchOn(state).is(State.IDLE, ...)}). */
    public <E extends Enum<E>> SwitchChain is(E value, Runnable body) {
        SourceLoc at = SourceLocator.here();
        b.sameEnum(sel.net, value.getDeclaringClass(), at, "switch case " + EnumCodes.spell(value));
        return arm(BigInteger.valueOf(value.ordinal()), EnumCodes.spell(value), b.enumConstant(value, at), body, at);
    }

    public void otherwise(Runnable body) {
        hasOtherwise = true;
        if (chain == null) {
            b.error(SourceLocator.here(), "the switch started at " + loc + " needs a case before otherwise.");
            return;
        }
        chain.otherwise(body);
    }
}
