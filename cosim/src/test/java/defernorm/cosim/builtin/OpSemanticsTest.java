package defernorm.cosim.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.cosim.random.ModuleBuilder;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node.BinaryOp;
import defernorm.hdl.ir.Node.UnaryOp;
import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every combinational op, on narrow and wide (> 64 bit), signed and unsigned operands, against the
 * BigInteger {@link Reference}: edge values (0, ±1, min, max) and random ones.
 */
class OpSemanticsTest {
    private static final int[] WIDTHS = {1, 2, 7, 8, 31, 32, 33, 63, 64, 65, 80, 127, 128, 130, 300};

    private record Probe(String output, Function<Map<String, BigInteger>, BigInteger> expected) {}

    @Test
    void everyOpMatchesTheReferenceOnEveryWidth() {
        Random rnd = new Random(42);
        for (int w : WIDTHS) {
            for (boolean signed : new boolean[] {false, true}) {
                checkWidth(new Type(w, signed), rnd);
            }
        }
    }

    private void checkWidth(Type ta, Random rnd) {
        int w = ta.width();
        int w2 = Math.max(1, (w * 5) % 67);
        Type tb2 = new Type(w2, ta.signed());
        Map<String, Type> inputs = new LinkedHashMap<>();
        inputs.put("a", ta);
        inputs.put("b", ta);
        inputs.put("b2", tb2);
        inputs.put("amt", Type.uint(8));
        inputs.put("big_amt", Type.uint(70));
        inputs.put("sel", Type.bool());
        ModuleBuilder m = new ModuleBuilder("ops");
        inputs.forEach(m::input);
        List<Probe> probes = new ArrayList<>();
        int[] outIndex = {0};
        Function<String, String> out = src -> m.output("y" + outIndex[0]++, src);

        for (UnaryOp op : UnaryOp.values()) {
            probes.add(new Probe(out.apply(m.unary(op, "a")), in -> Reference.unary(op, in.get("a"), ta)));
        }
        for (BinaryOp op : BinaryOp.values()) {
            switch (op) {
                case MUL -> {
                    probes.add(new Probe(out.apply(m.binary(op, "a", "b2")), in -> in.get("a").multiply(in.get("b2"))));
                    probes.add(new Probe(out.apply(m.binary(op, "a", "b")), in -> in.get("a").multiply(in.get("b"))));
                }
                case SHL, SHR -> {
                    for (String amt : List.of("amt", "big_amt")) {
                        probes.add(new Probe(out.apply(m.binary(op, "a", amt)),
                                in -> Reference.binary(op, in.get("a"), in.get(amt), ta, ta)));
                    }
                }
                default -> probes.add(new Probe(out.apply(m.binary(op, "a", "b")),
                        in -> Reference.binary(op, in.get("a"), in.get("b"), ta, ta)));
            }
        }
        List<int[]> slices = new ArrayList<>(List.of(new int[][] {{w - 1, 0}, {w - 1, w - 1}, {0, 0}, {w - 1, w / 2},
                {Math.min(w - 1, 70), Math.min(w - 1, 3)}}));
        // Narrow slices of a wide value, compiled to read one word or two (straddling a word boundary).
        for (int[] s : new int[][] {{67, 60}, {70, 63}, {64, 1}, {127, 64}, {w - 1, w - 64}, {w - 2, w - 9}}) {
            if (s[1] >= 0 && s[0] < w) slices.add(s);
        }
        for (int[] s : slices) {
            int hi = s[0], lo = s[1];
            probes.add(new Probe(out.apply(m.slice("a", hi, lo)), in -> Reference.slice(in.get("a"), hi, lo)));
        }
        probes.add(new Probe(out.apply(m.concat("a", "b2", "b")),
                in -> Reference.concat(List.of(in.get("a"), in.get("b2"), in.get("b")), List.of(ta, tb2, ta))));
        probes.add(new Probe(out.apply(m.concat("sel", "a")),
                in -> Reference.concat(List.of(in.get("sel"), in.get("a")), List.of(Type.bool(), ta))));
        probes.add(new Probe(out.apply(m.mux("sel", "a", "b")), in -> in.get("sel").signum() != 0 ? in.get("a") : in.get("b")));
        for (int nw : new int[] {1, Math.max(1, w / 2), w, w + 1, w + 40, 64, 65, 129}) {
            Type rt = new Type(nw, ta.signed());
            probes.add(new Probe(out.apply(m.resize("a", nw)), in -> Reference.wrap(in.get("a"), rt)));
        }
        Type ct = new Type(w, !ta.signed());
        probes.add(new Probe(out.apply(m.cast("a")), in -> Reference.wrap(in.get("a"), ct)));
        String sum = m.binary(BinaryOp.ADD, "a", "b");
        probes.add(new Probe(out.apply(m.resize(m.cast(sum), w)), in -> Reference.wrap(in.get("a").add(in.get("b")), new Type(w, !ta.signed()))));

        Design d = new Design("ops", List.of(m.build()));
        try (Simulation sim = new BuiltinSimulation(d, SimOptions.builtin())) {
            for (int sample = 0; sample < 60; sample++) {
                Map<String, BigInteger> in = new LinkedHashMap<>();
                for (Map.Entry<String, Type> e : inputs.entrySet()) {
                    BigInteger value = sample < 25 ? edgeValue(e.getValue(), sample, rnd) : randomValue(e.getValue(), rnd);
                    in.put(e.getKey(), value);
                    sim.poke(e.getKey(), value);
                }
                for (Probe p : probes) {
                    assertEquals(p.expected().apply(in), sim.peek(p.output()),
                            () -> "output " + p.output() + " on " + ta + " inputs " + in);
                }
            }
        }
    }

    static BigInteger randomValue(Type t, Random rnd) {
        BigInteger bits = new BigInteger(t.width(), rnd);
        if (rnd.nextInt(4) == 0) bits = BigInteger.valueOf(rnd.nextInt(9) - 4);
        return Reference.wrap(bits, t);
    }

    static BigInteger edgeValue(Type t, int i, Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> Values.min(t);
            case 1 -> Values.max(t);
            case 2 -> BigInteger.ZERO;
            case 3 -> Reference.wrap(BigInteger.ONE, t);
            case 4 -> Reference.wrap(BigInteger.ONE.negate(), t);
            default -> Reference.wrap(BigInteger.valueOf(i), t);
        };
    }
}
