package defernorm.accel.units;

import defernorm.cosim.Simulation;
import defernorm.golden.fixed.Exp2;
import defernorm.golden.model.Datapaths;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.OnlineSoftmax;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.model.Widths;
import defernorm.hdl.ir.Type;
import defernorm.cosim.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static defernorm.accel.units.PipeRunner.big;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MAC array alone: weights loaded through its write port, tokens streamed with random stalls and input
 * gaps, every drained accumulator compared with the golden model's accumulators (matmul-only for int8
 * activations; softmax deferred, with running-max rescale, for unsigned exp activations).
 */
class MacArrayTest {

    /** One token's beats as the array sees them: activations per beat and (rescale only) the shift. */
    record Token(long[][] acts, long[] shifts, long[] expected) {}

    static void loadWeights(Simulation sim, byte[][] w, int p, int q, int nb, int g) {
        sim.poke("en", 0);
        for (int k = 0; k < nb; k++) {
            for (int gi = 0; gi < g; gi++) {
                long[] tile = new long[p * q];
                for (int r = 0; r < p; r++) for (int c = 0; c < q; c++) tile[r * q + c] = w[k * p + r][gi * q + c];
                sim.poke("w_we", 1);
                sim.poke("w_addr", k * g + gi);
                sim.poke("w_data", PipeRunner.pack(tile, 8));
                sim.step();
            }
        }
        sim.poke("w_we", 0);
    }

    /** Streams the tokens; returns each token's m drained accumulators and the cycle its drain_valid first rose. */
    static List<long[]> run(Simulation sim, MacArray.Config cfg, List<Token> tokens, Random rnd, double stall, double gap, long[] firstDrainCycle) {
        int g = cfg.groups(), q = cfg.q(), a = cfg.accBits();
        int beat = 0, tok = 0;
        List<long[]> out = new ArrayList<>();
        sim.poke("in_valid", 0);
        long start = sim.cycle();
        for (long c = 0; out.size() < tokens.size(); c++) {
            assertTrue(c < 50_000, "MAC array drained " + out.size() + " of " + tokens.size() + " tokens");
            boolean en = rnd.nextDouble() >= stall;
            boolean present = tok < tokens.size() && rnd.nextDouble() >= gap;
            sim.poke("en", en ? 1 : 0);
            sim.poke("in_valid", present ? 1 : 0);
            if (present) {
                Token t = tokens.get(tok);
                sim.poke("in_act", PipeRunner.pack(t.acts()[beat], cfg.act().width()));
                if (cfg.rescale()) sim.poke("in_shift", t.shifts()[beat]);
            }
            boolean accept = en && present && sim.peekLong("in_ready") == 1;
            if (en && sim.peekLong("drain_valid") == 1) {
                if (out.isEmpty() && firstDrainCycle != null) firstDrainCycle[0] = sim.cycle() - start;
                // Token t landed in drain bank t mod 2; the other bank still holds token t - 1.
                int t = out.size();
                out.add(readBank(sim, cfg, t % 2));
                if (t > 0) assertArrayEquals(out.get(t - 1), readBank(sim, cfg, (t - 1) % 2), "drain bank of token " + (t - 1));
            }
            if (accept && ++beat == cfg.beats()) { beat = 0; tok++; }
            sim.step();
        }
        return out;
    }

    /** The m accumulators in drain bank {@code bank}, read group by group. */
    private static long[] readBank(Simulation sim, MacArray.Config cfg, int bank) {
        int g = cfg.groups(), q = cfg.q(), a = cfg.accBits();
        long[] acc = new long[g * q];
        sim.poke("rd_bank", bank);
        for (int gi = 0; gi < g; gi++) {
            if (g > 1) sim.poke("rd_group", gi);
            BigInteger rd = sim.peek("rd_data");
            for (int j = 0; j < q; j++) acc[gi * q + j] = PipeRunner.lane(rd, j, a, true);
        }
        return acc;
    }

    static List<Token> int8Tokens(LayerConfig lc, Random rnd, int count) {
        Params prm = lc.params();
        List<Token> tokens = new ArrayList<>();
        for (byte[] x : Tokens.mix(rnd, prm.n(), count)) {
            long[][] acts = new long[prm.beats()][];
            for (int k = 0; k < prm.beats(); k++) acts[k] = Tokens.beat(x, k, prm.p());
            tokens.add(new Token(acts, null, Datapaths.of(lc, Variant.MATMUL).process(x).accumulators()));
        }
        return tokens;
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void int8ArrayMatchesGoldenAccumulatorsUnderStallsAndGaps(Engine engine) {
        for (int[] s : UnitSims.shapes(engine, new int[][] {{16, 8, 4, 2}, {12, 6, 3, 3}, {8, 4, 8, 4}, {4, 8, 1, 8}, {6, 3, 2, 1}})) {
            Params prm = new Params(s[0], s[1], s[2], s[3], 0);
            Random rnd = new Random(prm.hashCode());
            LayerConfig lc = new LayerConfig(Op.RMSNORM, prm, Tokens.randomWeights(rnd, prm.n(), prm.m()), new long[prm.m()], 1);
            MacArray.Config cfg = MacArray.Config.int8(prm.n(), prm.m(), prm.p(), prm.q());
            assertTrue(cfg.accBits() >= Widths.accumulatorBits(prm.n()));
            try (Simulation sim = UnitSims.open(new MacArray(cfg), engine)) {
                sim.poke("in_valid", 0);
                sim.reset();
                loadWeights(sim, lc.weights(), prm.p(), prm.q(), prm.beats(), prm.groups());
                List<Token> tokens = int8Tokens(lc, rnd, 20);
                List<long[]> got = run(sim, cfg, tokens, rnd, 0.15, 0.25, null);
                for (int t = 0; t < tokens.size(); t++) {
                    assertEquals(java.util.Arrays.toString(tokens.get(t).expected()), java.util.Arrays.toString(got.get(t)), "token " + t + " of " + prm);
                }
                // Back to back with no stall: one beat per G cycles, and the drain bank is loaded
                // latency() edges after the last op issues (edge (NB-1)G + G-1 after the first accept).
                sim.reset();
                long[] first = new long[1];
                List<long[]> again = run(sim, cfg, tokens.subList(0, 3), rnd, 0, 0, first);
                assertEquals(java.util.Arrays.toString(tokens.get(2).expected()), java.util.Arrays.toString(again.get(2)));
                assertEquals((long) prm.beats() * prm.groups() + new MacArray(cfg).latency(), first[0], "cycle of the first drain_valid");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("defernorm.accel.units.UnitSims#engines")
    void rescalingArrayMatchesSoftmaxDeferredAccumulators(Engine engine) {
        for (int[] s : UnitSims.shapes(engine, new int[][] {{12, 4, 3, 2}, {8, 6, 2, 3}, {4, 2, 4, 1}})) {
            Params prm = new Params(s[0], s[1], s[2], s[3], 0);
            Random rnd = new Random(7 * prm.hashCode());
            MacArray.Config cfg = new MacArray.Config(prm.p(), prm.q(), prm.beats(), prm.groups(), Type.uint(Exp2.OUT_BITS), true, SoftmaxFront.MAX_BITS);
            try (Simulation sim = UnitSims.open(new MacArray(cfg), engine)) {
                sim.poke("in_valid", 0);
                sim.reset();
                byte[][] v = Tokens.randomWeights(rnd, prm.n(), prm.m());
                loadWeights(sim, v, prm.p(), prm.q(), prm.beats(), prm.groups());
                List<Token> tokens = new ArrayList<>();
                for (byte[] x : Tokens.mix(rnd, prm.n(), 25)) {
                    long l = 1 + rnd.nextInt((1 << 16) - 1);
                    LayerConfig lc = new LayerConfig(Op.SOFTMAX, prm, v, new long[prm.m()], l);
                    OnlineSoftmax red = OnlineSoftmax.run(x, l, prm.p());
                    long[][] acts = new long[prm.beats()][prm.p()];
                    long[] shifts = new long[prm.beats()];
                    for (int k = 0; k < prm.beats(); k++) {
                        shifts[k] = k == 0 ? 0 : red.beatMax()[k] - red.beatMax()[k - 1];
                        for (int i = 0; i < prm.p(); i++) acts[k][i] = OnlineSoftmax.exp(x[k * prm.p() + i], l, red.beatMax()[k]);
                    }
                    tokens.add(new Token(acts, shifts, Datapaths.of(lc, Variant.DEFERRED).process(x).accumulators()));
                }
                List<long[]> got = run(sim, cfg, tokens, rnd, 0.15, 0.25, null);
                for (int t = 0; t < tokens.size(); t++) {
                    assertEquals(java.util.Arrays.toString(tokens.get(t).expected()), java.util.Arrays.toString(got.get(t)), "token " + t + " of " + prm);
                }
            }
        }
    }
}
