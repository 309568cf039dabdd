package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.hdl.ir.ModuleIr;
import defernorm.hdl.ir.Node;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random when/elseWhen/otherwise programs: the lowered multiplexers compute, for every input combination,
 * what running the program statement by statement (last set wins) computes.
 */
class WhenSemanticsPropertyTest {
    private static final int CONDS = 3, TARGETS = 2;

    sealed interface Stmt permits Set, When {}
    record Set(int target, int value) implements Stmt {}
    record When(List<Integer> conds, List<List<Stmt>> arms, List<Stmt> otherwise) implements Stmt {}

    static List<Stmt> block(Random r, int depth) {
        List<Stmt> out = new ArrayList<>();
        boolean[] set = new boolean[TARGETS];
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (depth > 0 && r.nextBoolean()) {
                int arms = 1 + r.nextInt(3);
                List<Integer> conds = new ArrayList<>();
                List<List<Stmt>> bodies = new ArrayList<>();
                for (int a = 0; a < arms; a++) {
                    conds.add(r.nextInt(CONDS));
                    bodies.add(block(r, depth - 1));
                }
                out.add(new When(conds, bodies, r.nextBoolean() ? block(r, depth - 1) : null));
            } else {
                int t = r.nextInt(TARGETS);
                if (set[t]) continue;   // one set per target per block (a second one is a double-driver error)
                set[t] = true;
                out.add(new Set(t, r.nextInt(16)));
            }
        }
        return out;
    }

    static void run(List<Stmt> stmts, boolean[] in, int[] env) {
        for (Stmt s : stmts) {
            if (s instanceof Set set) env[set.target()] = set.value();
            else {
                When w = (When) s;
                int taken = -1;
                for (int a = 0; a < w.conds().size() && taken < 0; a++) if (in[w.conds().get(a)]) taken = a;
                if (taken >= 0) run(w.arms().get(taken), in, env);
                else if (w.otherwise() != null) run(w.otherwise(), in, env);
            }
        }
    }

    static final class Program extends Component {
        Program(List<Stmt> body) {
            super("Program");
            List<Signal> conds = new ArrayList<>();
            for (int c = 0; c < CONDS; c++) conds.add(input("c" + c, Type.bool()));
            List<Wire> wires = new ArrayList<>();
            for (int t = 0; t < TARGETS; t++) {
                Wire w = wire("w" + t, Type.uint(4));
                wires.add(w);
            }
            for (int t = 0; t < TARGETS; t++) wires.get(t).set(lit(t, Type.uint(4)));   // defaults
            build(body, conds, wires);
            for (int t = 0; t < TARGETS; t++) output("y" + t, Type.uint(4)).set(wires.get(t));
        }

        private void build(List<Stmt> stmts, List<Signal> conds, List<Wire> wires) {
            for (Stmt s : stmts) {
                if (s instanceof Set set) {
                    wires.get(set.target()).set(lit(set.value(), Type.uint(4)));
                } else {
                    When w = (When) s;
                    WhenChain chain = when(conds.get(w.conds().get(0)), () -> build(w.arms().get(0), conds, wires));
                    for (int a = 1; a < w.conds().size(); a++) {
                        List<Stmt> arm = w.arms().get(a);
                        chain.elseWhen(conds.get(w.conds().get(a)), () -> build(arm, conds, wires));
                    }
                    if (w.otherwise() != null) chain.otherwise(() -> build(w.otherwise(), conds, wires));
                }
            }
        }
    }

    static BigInteger eval(ModuleIr m, String name, Map<String, BigInteger> inputs) {
        Node n = m.nodes().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        if (n instanceof Node.Input) return inputs.get(name);
        if (n instanceof Node.Const k) return k.value();
        if (n instanceof Node.Wire w) return eval(m, w.source(), inputs);
        if (n instanceof Node.Output o) return eval(m, o.source(), inputs);
        Node.Mux x = (Node.Mux) n;
        return eval(m, x.sel(), inputs).signum() != 0 ? eval(m, x.ifTrue(), inputs) : eval(m, x.ifFalse(), inputs);
    }

    @Property(tries = 200)
    void loweredMuxesMatchLastSetWinsSemantics(@ForAll long seed) {
        List<Stmt> body = block(new Random(seed), 3);
        check(body);
    }

    private static void check(List<Stmt> body) {
        ModuleIr m = Elaborator.elaborate(new Program(prefixFree(body))).topModule();
        for (int bits = 0; bits < (1 << CONDS); bits++) {
            boolean[] in = new boolean[CONDS];
            Map<String, BigInteger> inputs = new HashMap<>();
            for (int c = 0; c < CONDS; c++) {
                in[c] = (bits >> c & 1) != 0;
                inputs.put("c" + c, in[c] ? BigInteger.ONE : BigInteger.ZERO);
            }
            int[] env = new int[TARGETS];
            for (int t = 0; t < TARGETS; t++) env[t] = t;
            run(prefixFree(body), in, env);
            for (int t = 0; t < TARGETS; t++) {
                assertEquals(BigInteger.valueOf(env[t]), eval(m, "y" + t, inputs), "y" + t + " for inputs " + bits);
            }
        }
    }

    /** Top-level sets would clash with the defaults; run them inside an always-taken-or-not when instead. */
    private static List<Stmt> prefixFree(List<Stmt> body) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : body) out.add(s instanceof Set set ? new When(List.of(0), List.of(List.of(set)), null) : s);
        return out;
    }
}
