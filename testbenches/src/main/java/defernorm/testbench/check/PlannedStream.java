package defernorm.testbench.check;

import defernorm.cosim.Simulation;
import java.math.BigInteger;
import java.util.List;

/**
 * Drives the no-backpressure stream from the golden input schedule: the input never depends on the
 * design, so the whole stream runs as a few long {@link Simulation#runBatch} calls (split only at the
 * waveform window), and {@code s_axis_tready} is compared with the plan on every cycle besides the output
 * checks. Beat b is offered from the cycle after beat b-1's planned handshake until its own.
 */
final class PlannedStream {
    private final Simulation sim;
    private final StreamShape shape;
    private final long[] inputPlan;
    private final WaveControl waves;

    PlannedStream(Simulation sim, StreamShape shape, long[] inputPlan, WaveControl waves) {
        this.sim = sim;
        this.shape = shape;
        this.inputPlan = inputPlan;
        this.waves = waves;
    }

    StreamRun.Outcome check(List<byte[]> tokens, long lastOutputCycle, StreamLog log) {
        int nb = shape.inputBeatsPerToken();
        int beats = inputPlan.length;
        long tail = 16 + 2L * nb * log.beatsPerToken();
        long total = Math.max(lastOutputCycle, inputPlan[beats - 1]) + 1 + tail;
        long start = sim.cycle();
        long end = waves.end() == Long.MAX_VALUE ? total : Math.min(total, Math.max(0, waves.end() - start + 1));
        int[] stimCursor = {0};
        int[] obsCursor = {0};
        long sc = 0;
        while (sc < end) {
            waves.at(start + sc);
            long segEnd = Math.min(end, Math.max(sc + 1, waves.nextStart(start + sc) - start));
            long segStart = sc;
            sim.runBatch(TopPorts.STREAM_INPUTS, TopPorts.STREAM_OUTPUTS, segEnd - segStart, (c, row) -> {
                int b = due(stimCursor, segStart + c);
                row.set(0, b < beats ? 1 : 0);
                row.set(1, b < beats ? LanePacking.pack(tokens.get(b / nb), (b % nb) * shape.inLanes(), shape.inLanes()) : BigInteger.ZERO);
                row.set(2, b < beats && b % nb == nb - 1 ? 1 : 0);
                row.set(3, 1);
                row.set(4, 0);
            }, (c, row) -> {
                long now = segStart + c;
                int b = due(obsCursor, now);
                boolean valid = b < beats;
                boolean ready = row.get(0) != 0;
                CycleSample s = new CycleSample(start + now, now, valid, ready, row.get(1) != 0, row.getBig(2), row.get(3) != 0, true);
                boolean planned = valid && inputPlan[b] == now;
                if (valid && ready != planned) {
                    log.fail(new Mismatch(s.cycle(), now, TopPorts.S_READY, BeatCompare.bit(planned), BeatCompare.bit(ready), b / nb, -1,
                            "input beat " + (b % nb) + " is due at schedule cycle " + inputPlan[b] + " in the golden schedule", null));
                }
                if (s.inputHandshake()) {
                    if (b % nb == 0) log.tokenStarted(b / nb, now);
                    obsCursor[0] = b + 1;
                }
                log.observe(s);
            });
            sc = segEnd;
        }
        waves.stop();
        if (end == total) log.finish(sim.cycle(), sc);
        return log.outcome(sc, start);
    }

    /** The beat on offer at stream cycle {@code now}: the first whose planned handshake is not yet past. */
    private int due(int[] cursor, long now) {
        int b = cursor[0];
        while (b < inputPlan.length && inputPlan[b] < now) b++;
        cursor[0] = b;
        return b;
    }
}
