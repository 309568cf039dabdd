package defernorm.testbench.check;

import java.util.ArrayList;
import java.util.List;

/**
 * What the checked stream did, cycle by cycle: applies the rules until the first mismatch, collects the
 * beats handed over, and times the tokens (first input handshake to last output handshake). Shared by the
 * reactive and the planned drivers.
 */
final class StreamLog {
    private final StreamShape shape;
    private final List<OutputBeat> expected;
    private final List<StreamRule> rules;
    private final int beatsPerToken;
    private final long[] starts;
    private final long[] ends;
    private final List<OutputBeat> received = new ArrayList<>();
    private Mismatch first;

    StreamLog(StreamShape shape, List<OutputBeat> expected, int tokens, List<StreamRule> rules) {
        this.shape = shape;
        this.expected = expected;
        this.rules = rules;
        this.beatsPerToken = Math.max(1, expected.size() / Math.max(1, tokens));
        this.starts = new long[tokens];
        this.ends = new long[tokens];
    }

    int beatsPerToken() { return beatsPerToken; }

    int received() { return received.size(); }

    boolean complete() { return received.size() >= expected.size(); }

    Mismatch first() { return first; }

    /** Records a mismatch found outside the rules (e.g. {@code s_axis_tready} against the plan), if none came first. */
    void fail(Mismatch m) {
        if (first == null) first = m;
    }

    void tokenStarted(int token, long streamCycle) {
        if (token < starts.length) starts[token] = streamCycle;
    }

    void observe(CycleSample s) {
        if (first == null) {
            for (StreamRule rule : rules) {
                Mismatch m = rule.observe(s);
                if (m != null) { first = locate(m); break; }
            }
        }
        if (s.outputHandshake()) {
            int r = received.size();
            received.add(new OutputBeat(r / beatsPerToken, r % beatsPerToken, shape.lanes(s.mData()), s.mLast()));
            if (r % beatsPerToken == beatsPerToken - 1 && r / beatsPerToken < ends.length) ends[r / beatsPerToken] = s.streamCycle();
        }
    }

    /** The stream ended (not cut short by a waveform window): the rules say what is still missing. */
    void finish(long cycle, long streamCycle) {
        for (StreamRule rule : rules) {
            if (first != null) return;
            first = rule.finish(cycle, streamCycle);
        }
    }

    StreamRun.Outcome outcome(long streamCycles, long streamStart) {
        int n = starts.length;
        boolean timed = complete() && !expected.isEmpty();
        long latency = timed ? ends[0] - starts[0] : -1;
        double perToken = timed && n > 1 ? (double) (ends[n - 1] - ends[0]) / (n - 1) : Double.NaN;
        return new StreamRun.Outcome(first, received, streamCycles, streamStart, latency, perToken);
    }

    /** Names the output beat concerned when a rule could not: the next one due. */
    private Mismatch locate(Mismatch m) {
        int r = received.size();
        if (m.token() >= 0 || !m.signal().startsWith("m_axis") || r >= expected.size()) return m;
        OutputBeat about = expected.get(r);
        return new Mismatch(m.cycle(), m.streamCycle(), m.signal(), m.expected(), m.actual(), about.token(), about.index(), m.detail(), m.wave());
    }
}
