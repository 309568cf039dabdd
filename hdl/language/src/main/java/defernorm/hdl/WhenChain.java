package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;

/**
 * The chain started by {@code Component.when}: the first arm whose condition holds runs; sets inside an arm are
 * conditional, and later sets win over earlier ones. Lowered to multiplexers at elaboration.
 *
 * <pre>{@code
 * when(clear, () -> acc.set(zero))
 *     .elseWhen(en, () -> acc.set(next))
 *     .otherwise(() -> acc.set(acc));
 * }</pre>
 */
public final class WhenChain {
    private final Builder b;
    private final Stmt.Chain chain;
    private final Stmt.Block parent;

    WhenChain(Builder b, Stmt.Chain chain, Stmt.Block parent) {
        this.b = b;
        this.chain = chain;
        this.parent = parent;
    }

    /** Starts the chain with its first arm. */
    static WhenChain start(Builder b, Signal cond, Runnable body, SourceLoc at) {
        Stmt.Chain chain = new Stmt.Chain(at);
        Stmt.Block parent = b.currentBlock();
        parent.stmts.add(chain);
        WhenChain w = new WhenChain(b, chain, parent);
        w.arm(cond, body, at);
        return w;
    }

    public WhenChain elseWhen(Signal cond, Runnable body) {
        SourceLoc at = SourceLocator.here();
        if (follows(at, "elseWhen")) arm(cond, body, at);
        return this;
    }

    public void otherwise(Runnable body) {
        SourceLoc at = SourceLocator.here();
        if (!follows(at, "otherwise")) return;
        chain.otherwise = new Stmt.Block(false);
        chain.otherwiseLoc = at;
        b.runArm(chain, -1, chain.otherwise, body);
    }

    void arm(Signal cond, Runnable body, SourceLoc at) {
        Net c = b.isBool(cond.net, at, "a when condition") ? cond.net : b.constant(java.math.BigInteger.ZERO, defernorm.hdl.ir.Type.bool(), at);
        Stmt.Arm arm = new Stmt.Arm(c, new Stmt.Block(false), at);
        chain.arms.add(arm);
        b.runArm(chain, chain.arms.size() - 1, arm.body(), body);
    }

    /** elseWhen/otherwise must continue the chain right where it stands, before anything else. */
    private boolean follows(SourceLoc at, String what) {
        boolean ok = chain.otherwise == null && b.currentBlock() == parent
                && !parent.stmts.isEmpty() && parent.stmts.get(parent.stmts.size() - 1) == chain;
        if (!ok) b.error(at, what + " must directly follow its when (started at " + chain.loc + ").");
        return ok;
    }
}
