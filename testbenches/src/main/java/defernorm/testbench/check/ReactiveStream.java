package defernorm.testbench.check;

import defernorm.golden.stream.Packing;

import defernorm.cosim.Simulation;
import defernorm.cosim.testbench.ReadyPattern;
import defernorm.testbench.stimulus.Flow;
import defernorm.testbench.stimulus.TokenSource;
import java.math.BigInteger;
import java.util.List;

/**
 * Drives a stream whose input depends on the design: under backpressure no timeline says when the top
 * accepts, and an AXI source must hold a beat until {@code s_axis_tready}, so each cycle is one
 * {@link Simulation#runBatch} of length 1, all of a cycle's inputs and outputs in one exchange with the engine.
 * The valid and ready patterns are the AXI4-Stream drivers' own ({@link defernorm.cosim.testbench.SourceHandshake}
 * inside the {@link TokenSource}, {@link ReadyPattern} for the sink), so the checker and a user's
 * {@code StreamSource}/{@code StreamSink} testbench follow one implementation of the handshake rules.
 * Also drives the abandoned stream before a mid-stream reset.
 */
final class ReactiveStream {
    private final Simulation sim;
    private final StreamShape shape;
    private final Flow flow;
    private final long seed;
    private final WaveControl waves;
    // the cycle just exchanged with the engine
    private boolean sReady;
    private boolean mValid;
    private boolean mLast;
    private BigInteger mData = BigInteger.ZERO;

    ReactiveStream(Simulation sim, StreamShape shape, Flow flow, long seed, WaveControl waves) {
        this.sim = sim;
        this.shape = shape;
        this.flow = flow;
        this.seed = seed;
        this.waves = waves;
    }

    /** Streams {@code tokens} for exactly {@code cycles} cycles, unchecked (the stream a reset will cut). */
    void abandon(List<byte[]> tokens, long cycles) {
        TokenSource source = new TokenSource(tokens, shape.inLanes(), flow, seed);
        ReadyPattern sink = flow.sinkReady(seed);
        for (long sc = 0; sc < cycles; sc++) {
            waves.at(sim.cycle());
            exchange(source, sink.next());
            source.advance(sReady);
        }
    }

    /** Streams {@code tokens} under {@code log}'s rules until every beat is in (plus a tail), a stall, or the window's end. */
    StreamRun.Outcome check(List<byte[]> tokens, StreamLog log) {
        TokenSource source = new TokenSource(tokens, shape.inLanes(), flow, seed);
        ReadyPattern sink = flow.sinkReady(seed);
        long work = (long) shape.inputBeatsPerToken() * log.beatsPerToken();
        long stallLimit = (long) ((1000 + 8 * work) / (flow.inputValid() * flow.outputReady()));
        long tail = 16 + 2 * work;
        long start = sim.cycle();
        long lastProgress = 0;
        long doneAt = -1;
        long sc = 0;
        boolean cut = false;
        for (; ; sc++) {
            long now = sim.cycle();
            if (waves.past(now)) { cut = true; break; }
            waves.at(now);
            boolean valid = source.valid();
            boolean ready = sink.next();
            exchange(source, ready);
            CycleSample s = new CycleSample(now, sc, valid, sReady, mValid, mData, mLast, ready);
            if (s.inputHandshake()) {
                log.input(source.token(), source.beat(), shape.inputBeatsPerToken(), sc);
                lastProgress = sc;
            }
            source.advance(sReady);
            log.observe(s);
            if (s.outputHandshake()) lastProgress = sc;
            if (doneAt < 0 && source.done() && log.complete()) doneAt = sc;
            if (doneAt >= 0 && sc - doneAt >= tail || sc - lastProgress > stallLimit) { sc++; break; }
        }
        waves.stop();
        if (!cut) log.finish(sim.cycle(), sc);
        return log.outcome(sc, start);
    }

    private void exchange(TokenSource source, boolean ready) {
        boolean valid = source.valid();
        BigInteger data = Packing.pack(source.lanesOfBeat(), 8);
        boolean last = source.last();
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
    }
}
