package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lowers a module's statement tree (sets inside when/switch chains, last set wins) to one driver per
 * wire, output and register: a multiplexer chain. Reports nets that are never driven, and wires/outputs
 * that are driven only on some paths (they would infer a latch). A register not set on some path holds its
 * value; a register set under a single condition uses it as its clock enable.
 */
final class Lowering {
    /** The value of a net after a block: a net, "not assigned" (wires), "unchanged" (registers), or a choice. */
    private sealed interface Val permits Of, Choice, Special {}
    /*
     * Of and Choice write out equals and hashCode: a record's generated ones are spun up through method handles on
     * first use, which costs more than the rest of a small design's lowering in a cold JVM.
     */
    private record Of(Net net, SourceLoc loc) implements Val {
        @Override public boolean equals(Object o) { return o instanceof Of x && x.net == net && Objects.equals(x.loc, loc); }

        @Override public int hashCode() { return 31 * System.identityHashCode(net) + Objects.hashCode(loc); }
    }

    private record Choice(Net cond, Val ifTrue, Val ifFalse, SourceLoc loc) implements Val {
        @Override public boolean equals(Object o) {
            return o instanceof Choice x && x.cond == cond && x.ifTrue.equals(ifTrue) && x.ifFalse.equals(ifFalse) && Objects.equals(x.loc, loc);
        }

        @Override public int hashCode() {
            return ((31 * System.identityHashCode(cond) + ifTrue.hashCode()) * 31 + ifFalse.hashCode()) * 31 + Objects.hashCode(loc);
        }
    }
    private enum Special implements Val { UNDEF, HOLD }

    /** The driver of an assignable net after lowering; {@code enable} only for registers (may be null). */
    record Driver(Net next, Net enable, SourceLoc loc) {}

    private final Builder b;
    private final List<Diagnostic> problems;
    /** Multiplexers made while lowering: they belong to this elaboration, not to the module's builder. */
    final List<Net> created = new ArrayList<>();
    final Map<Net, Driver> drivers = new IdentityHashMap<>();

    Lowering(Builder b, List<Diagnostic> problems) {
        this.b = b;
        this.problems = problems;
    }

    void run() {
        Map<Net, Val> finals = eval(b.root, new ArrayDeque<>());
        for (Net n : b.nets) {
            if (!n.kind.assignable()) continue;
            Val v = finals.getOrDefault(n, n.kind == Net.Kind.REG ? Special.HOLD : Special.UNDEF);
            if (n.kind == Net.Kind.REG) lowerReg(n, v);
            else lowerComb(n, v);
        }
    }

    private void lowerComb(Net n, Val v) {
        if (v == Special.UNDEF) {
            problems.add(Diagnostic.error(n.loc, n.describe() + " is never set, so it has no driver."));
            return;
        }
        Choice open = firstOpen(v, Special.UNDEF);
        if (open != null) {
            problems.add(Diagnostic.error(open.loc(), n.describe() + " is set under this when but not on every path"
                    + " and has no default, so it would infer a latch; set it unconditionally before the when."));
            return;
        }
        Net next = materialize(v, null, new IdentityHashMap<>());
        drivers.put(n, new Driver(next, null, v instanceof Of of ? of.loc() : n.loc));
    }

    private void lowerReg(Net n, Val v) {
        if (v == Special.HOLD) {
            problems.add(Diagnostic.error(n.loc, n.describe() + " is never set, so its input has no driver."));
            return;
        }
        if (n.enable == null && v instanceof Choice c && c.ifFalse() == Special.HOLD && firstOpen(c.ifTrue(), Special.HOLD) == null) {
            drivers.put(n, new Driver(materialize(c.ifTrue(), n, new IdentityHashMap<>()), c.cond(), n.loc));
            return;
        }
        drivers.put(n, new Driver(materialize(v, n, new IdentityHashMap<>()), n.enable, n.loc));
    }

    /**
     * The values {@code block} leaves, seen from inside the enclosing blocks' {@code scopes} (innermost first). A
     * stack of maps, not a chain of lambdas: each lambda is a class spun at first use in a cold JVM.
     */
    private Map<Net, Val> eval(Stmt.Block block, Deque<Map<Net, Val>> scopes) {
        Map<Net, Val> local = new LinkedHashMap<>();
        scopes.push(local);
        for (Stmt s : block.stmts) {
            if (s instanceof Stmt.Set set) {
                local.put(set.target(), new Of(set.value(), set.loc()));
            } else if (s instanceof Stmt.Chain chain) {
                List<Map<Net, Val>> arms = new ArrayList<>();
                Set<Net> touched = new LinkedHashSet<>();
                for (Stmt.Arm arm : chain.arms) {
                    Map<Net, Val> r = eval(arm.body(), scopes);
                    arms.add(r);
                    touched.addAll(r.keySet());
                }
                Map<Net, Val> other = chain.otherwise == null ? Map.of() : eval(chain.otherwise, scopes);
                touched.addAll(other.keySet());
                for (Net t : touched) {
                    Val v = other.containsKey(t) ? other.get(t) : look(t, scopes);
                    for (int i = chain.arms.size() - 1; i >= 0; i--) {
                        Map<Net, Val> r = arms.get(i);
                        Val a = r.containsKey(t) ? r.get(t) : look(t, scopes);
                        Stmt.Arm arm = chain.arms.get(i);
                        v = a.equals(v) ? v : new Choice(arm.cond(), a, v, arm.loc());
                    }
                    local.put(t, v);
                }
            }
        }
        scopes.pop();
        return local;
    }

    /** {@code t}'s value in {@code scopes} (innermost first): the last set, else held (registers) or undefined. */
    private static Val look(Net t, Deque<Map<Net, Val>> scopes) {
        for (Map<Net, Val> scope : scopes) {
            Val v = scope.get(t);
            if (v != null) return v;
        }
        return t.kind == Net.Kind.REG ? Special.HOLD : Special.UNDEF;
    }

    /** The outermost choice that leaves {@code special} reachable, or null if none. */
    private static Choice firstOpen(Val v, Special special) {
        if (!(v instanceof Choice c)) return null;
        if (contains(c, special)) return c;
        return null;
    }

    private static boolean contains(Val v, Special special) {
        if (v == special) return true;
        return v instanceof Choice c && (contains(c.ifTrue(), special) || contains(c.ifFalse(), special));
    }

    private Net materialize(Val v, Net self, Map<Val, Net> memo) {
        if (v instanceof Of of) return of.net();
        if (v == Special.HOLD) return self;
        if (v == Special.UNDEF) throw new IllegalStateException("undefined value survived the latch check");
        Net done = memo.get(v);
        if (done != null) return done;
        Choice c = (Choice) v;
        Net t = materialize(c.ifTrue(), self, memo);
        Net f = materialize(c.ifFalse(), self, memo);
        Net m = new Net(b, Net.Kind.MUX, t.type, c.loc(), b.nets.size() + created.size());
        m.args = List.of(c.cond(), t, f);
        created.add(m);
        memo.put(v, m);
        return m;
    }
}
