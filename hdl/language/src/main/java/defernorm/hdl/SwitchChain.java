package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code switchOn(sel).is(0, ...).is(1, ...).otherwise(...)}: runs the arm whose value equals {@code sel}
 * (values are constants of sel's type; each at most once). Lowered like a when/elseWhen chain.
 */
public final class SwitchChain {
    private final Builder b;
    private final Signal sel;
    private final SourceLoc loc;
    private final Map<BigInteger, SourceLoc> seen = new HashMap<>();
    private WhenChain chain;

    SwitchChain(Builder b, Signal sel, SourceLoc loc) {
        this.b = b;
        this.sel = sel;
        this.loc = loc;
    }

    public SwitchChain is(long value, Runnable body) {
        SourceLoc at = SourceLocator.here();
        BigInteger v = BigInteger.valueOf(value);
        SourceLoc first = seen.putIfAbsent(v, at);
        if (first != null) {
            b.error(at, "switch case " + value + " appears twice (first at " + first + ").");
            return this;
        }
        Net k = b.constant(v, sel.type(), at);
        Signal cond = new Signal(b.binary(defernorm.hdl.ir.Node.BinaryOp.EQ, defernorm.hdl.ir.Type.bool(), sel.net, k, at));
        if (chain == null) chain = WhenChain.start(b, cond, body, at);
        else chain.elseWhen(cond, body);
        return this;
    }

    public void otherwise(Runnable body) {
        if (chain == null) {
            b.error(SourceLocator.here(), "the switch started at " + loc + " needs a case before otherwise.");
            return;
        }
        chain.otherwise(body);
    }
}
