package defernorm.testbench.check;

import defernorm.golden.stream.Packing;

import defernorm.cosim.Simulation;
import java.math.BigInteger;
import java.util.List;

/**
 * Drives a stream whose sink is always ready from the golden timeline: beat b is offered from its arrival
 * cycle until the cycle the timeline accepts it (input bubbles in between), so the input never depends on
 * the design and the whole stream runs as a few long {@link Simulation#runBatch} calls (split only at the
 * waveform window). Besides the output checks, {@code s_axis_tready} is compared with the timeline on every
 * cycle up to the last input handshake: a beat the RTL refuses, or takes on another cycle, is a mismatch
 * naming the cycle, the token and the beat.
 */
final class PlannedStream {
    private final Simulation sim;
    private final StreamShape shape;
    private final TimedStream timed;
    private final WaveControl waves;

    PlannedStream(Simulation sim, StreamShape shape, TimedStream timed, WaveControl waves) {
        this.sim = sim;
        this.shape = shape;
        this.timed = timed;
        this.waves = waves;
    }

    StreamRun.Outcome check(List<byte[]> tokens, StreamLog log) {
        int nb = shape.inputBeatsPerToken();
        int beats = timed.inputBeats();
        long tail = 16 + 2L * nb * log.beatsPerToken();
        long total = Math.max(timed.lastOutput(), timed.lastAccept()) + 1 + tail;
        long start = sim.cycle();
        long end = waves.end() == Long.MAX_VALUE ? total : Math.min(total, Math.max(0, waves.end() - start + 1));
        // the stimulus may run ahead of the observer on another thread (Simulation#runBatch): one cursor each
        int[] stimCursor = {0};
        int[] obsCursor = {0};
        long sc = 0;
        while (sc < end) {
            waves.at(start + sc);
            long segEnd = Math.min(end, Math.max(sc + 1, waves.nextStart(start + sc) - start));
            long segStart = sc;
            sim.runBatch(TopPorts.STREAM_INPUTS, TopPorts.STREAM_OUTPUTS, segEnd - segStart, (c, row) -> {
                int b = stimCursor[0] = timed.beatAt(segStart + c, stimCursor[0]);
                boolean valid = offered(b, segStart + c);
                row.set(0, valid ? 1 : 0);
                row.set(1, valid ? Packing.pack(tokens.get(b / nb), (b % nb) * shape.inLanes(), shape.inLanes()) : BigInteger.ZERO);
                row.set(2, valid && b % nb == nb - 1 ? 1 : 0);
                row.set(3, 1);
                row.set(4, 0);
            }, (c, row) -> {
                long now = segStart + c;
                int b = obsCursor[0] = timed.beatAt(now, obsCursor[0]);
                boolean valid = offered(b, now);
                boolean ready = row.get(0) != 0;
                CycleSample s = new CycleSample(start + now, now, valid, ready, row.get(1) != 0, row.getBig(2), row.get(3) != 0, true);
                if (b < beats && ready != timed.readyAt(now)) log.fail(readyMismatch(s, b, nb));
                if (s.inputHandshake()) log.input(b / nb, b % nb, nb, now);
                log.observe(s);
            });
            sc = segEnd;
        }
        waves.stop();
        if (end == total) log.finish(sim.cycle(), sc);
        return log.outcome(sc, start);
    }

    /** Whether the source has beat {@code b} on the bus at stream cycle {@code now}. */
    private boolean offered(int b, long now) {
        return b < timed.inputBeats() && timed.offers()[b] <= now;
    }

    private Mismatch readyMismatch(CycleSample s, int b, int nb) {
        boolean want = !s.sReady();
        String state = s.sValid() ? "offered since stream cycle " + timed.offers()[b] : "not offered yet (a source gap)";
        String when = timed.accepts()[b] == s.streamCycle() ? "on this cycle" : "at stream cycle " + timed.accepts()[b];
        return new Mismatch(s.cycle(), s.streamCycle(), TopPorts.S_READY, BeatCompare.bit(want), BeatCompare.bit(s.sReady()), b / nb, -1,
                "input beat " + (b % nb) + ", " + state + ": the golden timeline accepts it " + when, null);
    }
}
