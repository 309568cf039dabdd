package defernorm.testbench.check;

import java.util.List;

/**
 * The backpressure check: whatever the timing, the beats handed over ({@code m_axis_tvalid && m_axis_tready})
 * must be exactly the golden beats, in order, none lost, none duplicated, none extra.
 *
 * <pre>{@code new TransactionCheck(shape, expectedBeats)}</pre>
 */
public final class TransactionCheck implements StreamRule {
    private final StreamShape shape;
    private final List<OutputBeat> beats;
    private int next;

    public TransactionCheck(StreamShape shape, List<OutputBeat> beats) {
        this.shape = shape;
        this.beats = List.copyOf(beats);
    }

    public int received() { return next; }

    public boolean complete() { return next >= beats.size(); }

    @Override public Mismatch observe(CycleSample s) {
        if (!s.outputHandshake()) return null;
        if (next >= beats.size()) {
            return new Mismatch(s.cycle(), s.streamCycle(), TopPorts.M_VALID, "0", "1", -1, -1,
                    "an extra beat after all " + beats.size() + " golden beats were delivered (duplicated or invented)", null);
        }
        return BeatCompare.compare(shape, beats.get(next++), s);
    }

    @Override public Mismatch finish(long cycle, long streamCycle) {
        if (complete()) return null;
        OutputBeat missing = beats.get(next);
        return new Mismatch(cycle, streamCycle, TopPorts.M_VALID, "beat " + next + " of " + beats.size(),
                "no beat (the run ended after " + next + ")", missing.token(), missing.index(), "beats were lost or the design stalled", null);
    }
}
