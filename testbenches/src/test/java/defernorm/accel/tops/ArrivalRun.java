package defernorm.accel.tops;

import defernorm.golden.stream.Packing;

import defernorm.cosim.SimOptions;
import defernorm.cosim.Simulation;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.Arrivals;
import defernorm.golden.timing.Schedule;
import defernorm.golden.timing.Timeline;
import defernorm.testbench.check.ConfigWrite;
import defernorm.testbench.check.OutputBeat;
import defernorm.testbench.check.TopPorts;
import defernorm.testbench.check.TopUnderTest;
import defernorm.testbench.dut.RandomLayers;
import defernorm.testbench.dut.Tops;
import defernorm.testbench.stimulus.RandomTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one top with a source that offers its beats as {@link Arrivals} says (tvalid raised at the offer edge
 * and held until the handshake, AXI4-Stream) and the sink always ready, and compares on every cycle with the
 * golden {@link Schedule} built from the top's own depths ({@link TopGenerator#schedule}): the edge of every
 * input handshake, {@code s_axis_tready} up to the last handshake ({@link Timeline#readyAt}), the edge of every
 * output handshake and every output beat's lanes. Edge 0 is the first edge the source may offer a beat.
 *
 * <pre>{@code
 * String err = ArrivalRun.mismatch(Op.RMSNORM, Variant.DEFERRED, new Params(12, 6, 4, 3, 2), 6, Arrivals.randomGaps(1, 0.5));
 * assertNull(err, err);
 * }</pre>
 */
final class ArrivalRun {
    /** What a run measured: input and output handshake edges per token, [token][beat]. */
    record Measured(long[][] accept, long[][] output) {
        /** Token t's first input handshake to its last output handshake. */
        long latency(int t) {
            return output[t][output[t].length - 1] - accept[t][0];
        }

        /** Edges between the first output beats of the last two tokens. */
        long lastSpacing() {
            int n = output.length;
            return output[n - 1][0] - output[n - 2][0];
        }
    }

    private ArrivalRun() {}

    /** The first disagreement with the schedule, as a sentence, or null when every cycle agrees. */
    static String mismatch(Op op, Variant v, Params p, int tokens, Arrivals arrivals) {
        try {
            measure(op, v, p, tokens, arrivals);
            return null;
        } catch (AssertionError e) {
            return e.getMessage();
        }
    }

    /**
     * Runs the top and returns the handshake edges it measured.
     *
     * @throws AssertionError naming the first disagreement with the schedule or the golden lanes
     */
    static Measured measure(Op op, Variant v, Params p, int tokens, Arrivals arrivals) {
        Schedule s = TopGenerator.schedule(op, v, p);
        Timeline tl = s.run(tokens, arrivals);
        LayerConfig cfg = RandomLayers.config(op, p, 7L + p.c());
        List<byte[]> toks = RandomTokens.generate(p.n(), tokens, 11L + tokens);
        TopUnderTest top = Tops.underTest(v, cfg);
        List<OutputBeat> golden = top.golden().outputs(toks);
        String where = op + " " + v + " " + p + ": ";
        List<String> errors = new ArrayList<>();
        Measured m = run(top, p, toks, arrivals, tl, golden, errors);
        if (!errors.isEmpty()) {
            throw new AssertionError(where + errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        }
        for (int t = 0; t < tokens; t++) {
            if (!Arrays.equals(tl.accept()[t], m.accept()[t])) {
                throw new AssertionError(where + "token " + t + " accepted at " + Arrays.toString(m.accept()[t]) + ", schedule " + Arrays.toString(tl.accept()[t]));
            }
            if (!Arrays.equals(tl.output()[t], m.output()[t])) {
                throw new AssertionError(where + "token " + t + " output at " + Arrays.toString(m.output()[t]) + ", schedule " + Arrays.toString(tl.output()[t]));
            }
        }
        return m;
    }

    private static Measured run(TopUnderTest top, Params p, List<byte[]> toks, Arrivals arrivals, Timeline tl,
                                List<OutputBeat> golden, List<String> errors) {
        int nb = p.beats(), g = p.groups(), tokens = toks.size();
        long[][] accept = new long[tokens][nb];
        long[][] output = new long[tokens][g];
        int outBits = top.shape().outLaneBits();
        long lastIn = tl.accept()[tokens - 1][nb - 1];
        long end = tl.output()[tokens - 1][g - 1] + 4;
        try (Simulation sim = top.opener().open(SimOptions.builtin())) {
            for (String in : List.of(TopPorts.S_VALID, TopPorts.S_LAST, TopPorts.CFG_WE)) sim.poke(in, 0);
            sim.poke(TopPorts.M_READY, 1);
            sim.reset();
            for (ConfigWrite w : top.config()) {
                sim.poke(TopPorts.CFG_WE, 1);
                sim.poke(TopPorts.CFG_ADDR, w.address());
                sim.poke(TopPorts.CFG_WDATA, w.data());
                sim.step();
            }
            sim.poke(TopPorts.CFG_WE, 0);
            int t = 0, k = 0, outIdx = 0;
            long prevAccept = -1;
            long offer = arrivals.offer(0, 0, -1);
            for (long e = 0; e <= end; e++) {
                boolean valid = t < tokens && offer <= e;
                sim.poke(TopPorts.S_VALID, valid ? 1 : 0);
                sim.poke(TopPorts.S_DATA, valid ? Packing.pack(toks.get(t), k * p.p(), p.p()) : java.math.BigInteger.ZERO);
                sim.poke(TopPorts.S_LAST, valid && k == nb - 1 ? 1 : 0);
                boolean ready = sim.peekLong(TopPorts.S_READY) != 0;
                if (e <= lastIn && ready != tl.readyAt(e) && errors.size() < 5) {
                    errors.add("s_axis_tready " + (ready ? 1 : 0) + " before edge " + e + ", schedule " + (tl.readyAt(e) ? 1 : 0));
                }
                if (sim.peekLong(TopPorts.M_VALID) != 0) {
                    if (outIdx >= golden.size()) {
                        errors.add("an output beat more than the " + golden.size() + " expected, at edge " + e);
                    } else {
                        OutputBeat want = golden.get(outIdx);
                        long[] lanes = Packing.unpack(sim.peek(TopPorts.M_DATA), p.q(), outBits, true);
                        boolean last = sim.peekLong(TopPorts.M_LAST) != 0;
                        if (!Arrays.equals(lanes, want.lanes()) || last != want.last()) {
                            errors.add("output beat " + want.index() + " of token " + want.token() + " is " + Arrays.toString(lanes)
                                    + (last ? " (last)" : "") + ", golden " + Arrays.toString(want.lanes()));
                        }
                        output[want.token()][want.index()] = e;
                    }
                    outIdx++;
                }
                if (valid && ready) {
                    accept[t][k] = e;
                    prevAccept = e;
                    if (++k == nb) { k = 0; t++; }
                    if (t < tokens) offer = arrivals.offer(t, k, prevAccept);
                }
                sim.step();
            }
            if (outIdx != golden.size()) errors.add(outIdx + " output beats, expected " + golden.size());
        }
        return new Measured(accept, output);
    }
}
