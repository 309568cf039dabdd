package defernorm.testbench.check;

import defernorm.cosim.Simulation;
import defernorm.testbench.stimulus.SinkReady;
import defernorm.testbench.stimulus.TokenSource;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One deterministic pass over an open simulation: reset, configuration, the optional abandoned stream and
 * reset, then the checked stream. Running it twice with the same plan drives the same inputs on the same
 * cycles, which is how the checker replays a failing run with waveforms on.
 *
 * <p>The input side is reactive (an AXI source must hold a beat until {@code s_axis_tready}), so each
 * cycle is one {@link Simulation#runBatch} of length 1: all inputs and outputs of the cycle in one exchange
 * with the engine.
 */
final class StreamRun {
    /** Rising edges with {@code rst} high before configuration. */
    static final int RESET_CYCLES = 2;

    private final Simulation sim;
    private final TopUnderTest top;
    private final CheckPlan plan;
    private final List<OutputBeat> expected;
    private final long[] schedule;
    private final long[] inputPlan;
    private final WaveWindow window;
    private final int beatsPerToken;
    private boolean wavesOn;

    // the cycle being driven/observed (written by the batch callbacks, read right after)
    private boolean sValid;
    private boolean sReady;
    private boolean mValid;
    private boolean mLast;
    private BigInteger mData = BigInteger.ZERO;

    StreamRun(Simulation sim, TopUnderTest top, CheckPlan plan, List<OutputBeat> expected, long[] schedule,
              long[] inputPlan, WaveWindow window) {
        this.sim = sim;
        this.top = top;
        this.plan = plan;
        this.expected = expected;
        this.schedule = schedule;
        this.inputPlan = schedule == null ? null : inputPlan;
        this.window = window;
        this.beatsPerToken = Math.max(1, expected.size() / plan.tokens().size());
    }

    /** What the checked stream did. */
    record Outcome(Mismatch first, List<OutputBeat> received, long streamCycles, long streamStart,
                   long latency, double cyclesPerToken) {}

    Outcome run() {
        if (window != null && window.from() <= 0) startWaves();
        Mismatch early = restart();
        if (plan.reset() != null) {
            stream(plan.reset().abandoned(), false, plan.reset().cycles());
            early = restart();
        }
        Outcome o = inputPlan != null ? planned(plan.tokens()) : stream(plan.tokens(), true, Long.MAX_VALUE);
        return early == null || o.first() != null && o.first().cycle() < early.cycle() ? o
                : new Outcome(early, o.received(), o.streamCycles(), o.streamStart(), o.latency(), o.cyclesPerToken());
    }

    /**
     * Resets and loads the configuration with the sink not ready, so that anything a reset failed to clear
     * is still there when the stream starts. Returns a mismatch if the top offers a beat meanwhile.
     */
    private Mismatch restart() {
        sim.poke(TopPorts.S_VALID, 0);
        sim.poke(TopPorts.M_READY, 0);
        sim.poke(TopPorts.CFG_WE, 0);
        sim.reset(RESET_CYCLES);
        List<ConfigWrite> words = top.config();
        Mismatch[] early = new Mismatch[1];
        if (!words.isEmpty()) {
            long first = sim.cycle();
            sim.runBatch(TopPorts.CONFIG_INPUTS, List.of(TopPorts.M_VALID), words.size(), (c, row) -> {
                ConfigWrite w = words.get((int) c);
                row.set(0, 1);
                row.set(1, w.address());
                row.set(2, w.data());
                row.set(3, 0);
                row.set(4, 0);
            }, (c, row) -> {
                if (early[0] == null && row.get(0) != 0) {
                    early[0] = new Mismatch(first + c, -1, TopPorts.M_VALID, "0", "1", -1, -1,
                            "a beat offered after reset, while the configuration loads and before any token was sent", null);
                }
            });
        }
        sim.poke(TopPorts.CFG_WE, 0);
        return early[0];
    }

    private Outcome stream(List<byte[]> tokens, boolean checked, long cycleLimit) {
        StreamShape shape = top.shape();
        TokenSource source = new TokenSource(tokens, shape.inLanes(), plan.flow(), plan.seed());
        SinkReady sink = new SinkReady(plan.flow(), plan.seed());
        List<StreamRule> rules = new ArrayList<>();
        if (checked) {
            rules.add(schedule != null ? new ScheduleCheck(shape, expected, schedule) : new TransactionCheck(shape, expected));
            rules.add(new AxiStreamRules(shape));
        }
        int work = shape.inputBeatsPerToken() * beatsPerToken;
        long stallLimit = (long) ((1000 + 8L * work) / (plan.flow().inputValid() * plan.flow().outputReady()));
        long tail = 16 + 2L * work;
        long start = sim.cycle();
        long[] starts = new long[tokens.size()];
        long[] ends = new long[tokens.size()];
        List<OutputBeat> received = new ArrayList<>();
        Mismatch first = null;
        long lastProgress = 0;
        long doneAt = -1;
        long sc = 0;
        boolean cut = false;
        for (; checked || cycleLimit > 0; sc++) {
            long now = sim.cycle();
            if (window != null) {
                if (!wavesOn && now >= window.from() && now <= window.to()) startWaves();
                if (now > window.to()) { cut = true; break; }
            }
            boolean valid = source.valid();
            BigInteger data = LanePacking.pack(source.lanesOfBeat(), 8);
            boolean last = source.last();
            boolean ready = sink.next();
            sValid = valid;
            sim.runBatch(TopPorts.STREAM_INPUTS, TopPorts.STREAM_OUTPUTS, 1, (c, row) -> {
                row.set(0, valid ? 1 : 0);
                row.set(1, data);
                row.set(2, last ? 1 : 0);
                row.set(3, ready ? 1 : 0);
                row.set(4, 0);
            }, (c, row) -> {
                sReady = row.get(0) != 0;
                mValid = row.get(1) != 0;
                mData = row.getBig(2);
                mLast = row.get(3) != 0;
            });
            CycleSample s = new CycleSample(now, sc, sValid, sReady, mValid, mData, mLast, ready);
            if (s.inputHandshake()) {
                if (source.beat() == 0) starts[source.token()] = sc;
                lastProgress = sc;
            }
            source.advance(sReady);
            if (first == null) {
                for (StreamRule rule : rules) {
                    Mismatch m = rule.observe(s);
                    if (m != null) { first = locate(m, received.size()); break; }
                }
            }
            if (s.outputHandshake()) {
                int r = received.size();
                received.add(new OutputBeat(r / beatsPerToken, r % beatsPerToken, shape.lanes(mData), mLast));
                if (r % beatsPerToken == beatsPerToken - 1 && r / beatsPerToken < ends.length) ends[r / beatsPerToken] = sc;
                lastProgress = sc;
            }
            if (!checked) {
                if (sc + 1 >= cycleLimit) { sc++; break; }
                continue;
            }
            if (source.done() && received.size() >= expected.size() && doneAt < 0) doneAt = sc;
            if (doneAt >= 0 && sc - doneAt >= tail) { sc++; break; }
            if (sc - lastProgress > stallLimit) { sc++; break; }
        }
        if (wavesOn) { sim.stopWaves(); wavesOn = false; }
        if (checked && first == null && !cut) {
            for (StreamRule rule : rules) {
                Mismatch m = rule.finish(sim.cycle(), sc);
                if (m != null) { first = m; break; }
            }
        }
        int nTok = tokens.size();
        boolean timed = checked && received.size() >= expected.size() && expected.size() > 0;
        long latency = timed ? ends[0] - starts[0] : -1;
        double perToken = timed && nTok > 1 ? (double) (ends[nTok - 1] - ends[0]) / (nTok - 1) : Double.NaN;
        return new Outcome(first, received, sc, start, latency, perToken);
    }

    /**
     * The checked stream without backpressure, driven from the golden input schedule: the whole stream runs
     * as a few long batches (split only at the waveform window), and {@code s_axis_tready} is compared with
     * the plan on every cycle besides the output checks.
     */
    private Outcome planned(List<byte[]> tokens) {
        StreamShape shape = top.shape();
        int nb = shape.inputBeatsPerToken();
        int beats = inputPlan.length;
        long tail = 16 + 2L * nb * beatsPerToken;
        long total = Math.max(schedule.length == 0 ? 0 : schedule[schedule.length - 1], inputPlan[beats - 1]) + 1 + tail;
        long start = sim.cycle();
        List<StreamRule> rules = List.of(new ScheduleCheck(shape, expected, schedule), new AxiStreamRules(shape));
        long[] starts = new long[tokens.size()];
        long[] ends = new long[tokens.size()];
        List<OutputBeat> received = new ArrayList<>();
        Mismatch[] first = new Mismatch[1];
        int[] stimCursor = {0};
        int[] obsCursor = {0};
        long end = window == null ? total : Math.min(total, window.to() - start + 1);
        long sc = 0;
        while (sc < end) {
            long segEnd = end;
            if (window != null && !wavesOn) {
                long from = window.from() - start;
                if (from <= sc) startWaves();
                else segEnd = Math.min(segEnd, from);
            }
            long segStart = sc;
            sim.runBatch(TopPorts.STREAM_INPUTS, TopPorts.STREAM_OUTPUTS, segEnd - segStart, (c, row) -> {
                long now = segStart + c;
                int b = stimCursor[0];
                while (b < beats && inputPlan[b] < now) b++;
                stimCursor[0] = b;
                row.set(0, b < beats ? 1 : 0);
                row.set(1, b < beats ? LanePacking.pack(tokens.get(b / nb), (b % nb) * shape.inLanes(), shape.inLanes()) : BigInteger.ZERO);
                row.set(2, b < beats && b % nb == nb - 1 ? 1 : 0);
                row.set(3, 1);
                row.set(4, 0);
            }, (c, row) -> {
                long now = segStart + c;
                int b = obsCursor[0];
                while (b < beats && inputPlan[b] < now) b++;
                boolean valid = b < beats;
                boolean ready = row.get(0) != 0;
                CycleSample s = new CycleSample(start + now, now, valid, ready, row.get(1) != 0, row.getBig(2), row.get(3) != 0, true);
                boolean planned = valid && inputPlan[b] == now;
                if (first[0] == null && valid && ready != planned) {
                    first[0] = new Mismatch(s.cycle(), now, TopPorts.S_READY, BeatCompare.bit(planned), BeatCompare.bit(ready),
                            b / nb, -1, "input beat " + (b % nb) + " is due at schedule cycle " + inputPlan[b] + " in the golden schedule", null);
                }
                if (s.inputHandshake()) {
                    if (b % nb == 0) starts[b / nb] = now;
                    b++;
                }
                obsCursor[0] = b;
                if (first[0] == null) {
                    for (StreamRule rule : rules) {
                        Mismatch m = rule.observe(s);
                        if (m != null) { first[0] = locate(m, received.size()); break; }
                    }
                }
                if (s.outputHandshake()) {
                    int r = received.size();
                    received.add(new OutputBeat(r / beatsPerToken, r % beatsPerToken, shape.lanes(s.mData()), s.mLast()));
                    if (r % beatsPerToken == beatsPerToken - 1 && r / beatsPerToken < ends.length) ends[r / beatsPerToken] = now;
                }
            });
            sc = segEnd;
        }
        if (wavesOn) { sim.stopWaves(); wavesOn = false; }
        if (first[0] == null && end == total) {
            for (StreamRule rule : rules) {
                Mismatch m = rule.finish(sim.cycle(), sc);
                if (m != null) { first[0] = m; break; }
            }
        }
        int nTok = tokens.size();
        boolean timed = received.size() >= expected.size() && !expected.isEmpty();
        long latency = timed ? ends[0] - starts[0] : -1;
        double perToken = timed && nTok > 1 ? (double) (ends[nTok - 1] - ends[0]) / (nTok - 1) : Double.NaN;
        return new Outcome(first[0], received, sc, start, latency, perToken);
    }

    /** Names the output beat concerned when a rule could not. */
    private Mismatch locate(Mismatch m, int receivedSoFar) {
        if (m.token() >= 0 || !m.signal().startsWith("m_axis") || receivedSoFar >= expected.size()) return m;
        OutputBeat about = expected.get(receivedSoFar);
        return new Mismatch(m.cycle(), m.streamCycle(), m.signal(), m.expected(), m.actual(), about.token(), about.index(), m.detail(), m.wave());
    }

    private void startWaves() {
        sim.startWaves(window.file());
        wavesOn = true;
    }
}
