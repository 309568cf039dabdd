package defernorm.testbench.check;

import defernorm.golden.stream.Packing;

import defernorm.cosim.Engine;
import defernorm.cosim.Simulation;
import defernorm.golden.timing.Arrivals;
import defernorm.golden.timing.Timeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A hand-written cycle model of a small streaming top (P=2 lanes in, n=4, Q=2 lanes of 16 bits out, G=2
 * beats per token), behind the {@link Simulation} interface, with switches that plant the bugs the checker
 * must catch. Output lane q of beat g is {@code bias + sum_i x_i * (g*Q + q + 1)}, where {@code bias} is
 * configuration word 0; a token's beats leave {@link #LATENCY} cycles after its last input beat.
 */
final class FakeStreamTop implements Simulation {
    static final int P = 2, N = 4, Q = 2, G = 2, BITS = 16, LATENCY = 3;
    static final StreamShape SHAPE = new StreamShape(P, N, Q, BITS, true);

    /** Planted bugs. */
    enum Bug { NONE, INPUT_HICCUP, LATE_AFTER_GAP, WRONG_VALUE, LATE_BEAT, DROP_UNDER_BACKPRESSURE, CHANGE_WHILE_STALLED, KEEP_STATE_ON_RESET }

    private record Pending(long availableAt, long[] lanes, boolean last) {}

    private final Bug bug;
    private final int bugToken;
    private long cycle;
    private long bias;
    private final long[] inputs = new long[16];
    private final List<String> names = List.of("cfg_we", "cfg_addr", "cfg_wdata", "s_axis_tvalid", "s_axis_tdata",
            "s_axis_tlast", "m_axis_tready", "rst");
    private final long[] acc = new long[N];
    private int beatsIn;
    private int tokensIn;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int stalledCycles;
    private Path waves;

    FakeStreamTop(Bug bug, int bugToken) {
        this.bug = bug;
        this.bugToken = bugToken;
    }

    /**
     * The golden model: always ready, so every beat is accepted when offered, and a token's beat g leaves
     * {@link #LATENCY} + g cycles after its last input beat.
     */
    static GoldenStream golden() {
        return new GoldenStream() {
            @Override public List<OutputBeat> outputs(List<byte[]> tokens) {
                List<OutputBeat> out = new java.util.ArrayList<>();
                for (int t = 0; t < tokens.size(); t++) {
                    for (int g = 0; g < G; g++) out.add(new OutputBeat(t, g, lanes(tokens.get(t), g, 5), g == G - 1));
                }
                return out;
            }

            @Override public Timeline timeline(int tokens, Arrivals arrivals) {
                int nb = N / P;
                long[][] accept = new long[tokens][nb];
                long[][] output = new long[tokens][G];
                long previous = -1;
                for (int t = 0; t < tokens; t++) {
                    for (int k = 0; k < nb; k++) previous = accept[t][k] = Math.max(arrivals.offer(t, k, previous), previous + 1);
                    for (int g = 0; g < G; g++) output[t][g] = previous + LATENCY + g;
                }
                long[] none = new long[tokens];
                return new Timeline(accept, new long[tokens][nb], none, none, none, output, new long[tokens]);
            }
        };
    }

    /** The configuration that sets {@code bias} to 5, as the golden model assumes. */
    static List<ConfigWrite> config() { return List.of(new ConfigWrite(0, BigInteger.valueOf(5))); }

    static TopUnderTest top(Bug bug, int bugToken) {
        return new TopUnderTest("FakeTop_" + bug, SHAPE, config(), golden(), o -> new FakeStreamTop(bug, bugToken));
    }

    static long[] lanes(byte[] x, int g, long bias) {
        long[] v = new long[Q];
        for (int q = 0; q < Q; q++) {
            long s = bias;
            for (byte b : x) s += (long) b * (g * Q + q + 1);
            v[q] = s;
        }
        return v;
    }

    private int idx(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no input named " + name);
        return i;
    }

    @Override public void poke(String input, BigInteger value) { inputs[idx(input)] = value.longValue(); }

    private boolean hiccupDone;

    private boolean hiccup() { return bug == Bug.INPUT_HICCUP && !hiccupDone && tokensIn == bugToken && beatsIn == 1; }

    // LATE_AFTER_GAP: once streaming, a cycle without tvalid makes the next cycle not ready (invisible at line rate)
    private boolean validBefore = true;
    private int beatsSinceReset;

    private boolean lateAfterGap() { return bug == Bug.LATE_AFTER_GAP && beatsSinceReset > 0 && !validBefore; }

    private boolean sReady() { return queue.size() < 8 && !hiccup() && !lateAfterGap(); }

    private Pending head() {
        Pending p = queue.peekFirst();
        return p != null && p.availableAt() <= cycle ? p : null;
    }

    @Override public BigInteger peek(String net) {
        Pending h = head();
        return switch (net) {
            case "s_axis_tready" -> sReady() ? BigInteger.ONE : BigInteger.ZERO;
            case "m_axis_tvalid" -> h != null ? BigInteger.ONE : BigInteger.ZERO;
            case "m_axis_tlast" -> h != null && h.last() ? BigInteger.ONE : BigInteger.ZERO;
            case "m_axis_tdata" -> {
                if (h == null) yield BigInteger.ZERO;
                long[] l = h.lanes().clone();
                if (bug == Bug.CHANGE_WHILE_STALLED && stalledCycles > 0) l[0] ^= 1;
                yield Packing.pack(l, BITS);
            }
            default -> BigInteger.valueOf(inputs[idx(net)]);
        };
    }

    @Override public void step(int cycles) {
        for (int i = 0; i < cycles; i++) edge();
    }

    private void edge() {
        boolean rst = inputs[idx("rst")] != 0;
        if (rst) {
            beatsIn = 0;
            beatsSinceReset = 0;
            if (bug != Bug.KEEP_STATE_ON_RESET) queue.clear();
            stalledCycles = 0;
            cycle++;
            return;
        }
        boolean accept = inputs[idx("s_axis_tvalid")] != 0 && sReady();
        if (hiccup()) hiccupDone = true;
        if (inputs[idx("cfg_we")] != 0 && inputs[idx("cfg_addr")] == 0) bias = inputs[idx("cfg_wdata")];
        Pending h = head();
        boolean ready = inputs[idx("m_axis_tready")] != 0;
        if (h != null && ready) { queue.pollFirst(); stalledCycles = 0; }
        else if (h != null) {
            stalledCycles++;
            if (bug == Bug.DROP_UNDER_BACKPRESSURE && stalledCycles == 2) { queue.pollFirst(); stalledCycles = 0; }
        }
        validBefore = inputs[idx("s_axis_tvalid")] != 0;
        if (accept) {
            beatsSinceReset++;
            long[] lanes = Packing.unpack(BigInteger.valueOf(inputs[idx("s_axis_tdata")]), P, 8, true);
            for (int l = 0; l < P; l++) acc[beatsIn * P + l] = lanes[l];
            beatsIn++;
            if (beatsIn == N / P) {
                byte[] x = new byte[N];
                for (int k = 0; k < N; k++) x[k] = (byte) acc[k];
                for (int g = 0; g < G; g++) {
                    long[] v = lanes(x, g, bias);
                    if (bug == Bug.WRONG_VALUE && tokensIn == bugToken && g == 1) v[1] += 1;
                    long delay = bug == Bug.LATE_BEAT && tokensIn == bugToken ? 1 : 0;
                    queue.addLast(new Pending(cycle + LATENCY + g + delay, v, g == G - 1));
                }
                beatsIn = 0;
                tokensIn++;
            }
        }
        cycle++;
    }

    @Override public void reset(int cycles) {
        inputs[idx("rst")] = 1;
        step(cycles);
        inputs[idx("rst")] = 0;
    }

    @Override public void expect(String net, BigInteger expected) {
        throw new UnsupportedOperationException();
    }

    @Override public long cycle() { return cycle; }

    @Override public void runBatch(List<String> ins, List<String> outs, long cycles, Stimulus stimulus, Observer observer) {
        for (long c = 0; c < cycles; c++) {
            stimulus.drive(c, new InputRow() {
                @Override public void set(int column, long value) { inputs[idx(ins.get(column))] = value; }
                @Override public void set(int column, BigInteger value) { inputs[idx(ins.get(column))] = value.longValue(); }
            });
            observer.observe(c, new OutputRow() {
                @Override public long get(int column) { return peek(outs.get(column)).longValueExact(); }
                @Override public BigInteger getBig(int column) { return peek(outs.get(column)); }
            });
            if (waves != null) {
                try {
                    Files.writeString(waves, "#" + cycle + "\n", java.nio.file.StandardOpenOption.APPEND);
                } catch (IOException e) { throw new UncheckedIOException(e); }
            }
            edge();
        }
    }

    @Override public void startWaves(Path vcd) {
        try {
            Files.writeString(vcd, "$timescale 1ns $end\n");
        } catch (IOException e) { throw new UncheckedIOException(e); }
        waves = vcd;
    }

    @Override public void stopWaves() { waves = null; }

    @Override public Engine engine() { return Engine.BUILTIN; }

    @Override public void close() {}
}
