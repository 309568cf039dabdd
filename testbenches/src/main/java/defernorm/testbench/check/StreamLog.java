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
    // per token, stream cycles of the first/last input and output handshakes (-1 until seen)
    private final long[] starts;
    private final long[] inputEnds;
    private final long[] outputStarts;
    private final long[] ends;
    private final List<OutputBeat> received = new ArrayList<>();
    private Mismatch first;

    StreamLog(StreamShape shape, List<OutputBeat> expected, int tokens, List<StreamRule> rules) {
        this.shape = shape;
        this.expected = expected;
        this.rules = rules;
        this.beatsPerToken = Math.max(1, expected.size() / Math.max(1, tokens));
        this.starts = unseen(tokens);
        this.inputEnds = unseen(tokens);
        this.outputStarts = unseen(tokens);
        this.ends = unseen(tokens);
    }

    int beatsPerToken() { return beatsPerToken; }

    int received() { return received.size(); }

    boolean complete() { return received.size() >= expected.size(); }

    Mismatch first() { return first; }

    /** Records a mismatch found outside the rules (e.g. {@code s_axis_tready} against the plan), if none came first. */
    void fail(Mismatch m) {
        if (first == null) first = m;
    }

    /** An input handshake of beat {@code beat} (of {@code beats}) of token {@code token} on {@code streamCycle}. */
    void input(int token, int beat, int beats, long streamCycle) {
        if (token >= starts.length) return;
        if (beat == 0) starts[token] = streamCycle;
        if (beat == beats - 1) inputEnds[token] = streamCycle;
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
            int t = r / beatsPerToken;
            if (t < ends.length && r % beatsPerToken == 0) outputStarts[t] = s.streamCycle();
            if (t < ends.length && r % beatsPerToken == beatsPerToken - 1) ends[t] = s.streamCycle();
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
        List<TokenEdges> edges = new ArrayList<>(n);
        for (int t = 0; t < n; t++) edges.add(new TokenEdges(starts[t], inputEnds[t], outputStarts[t], ends[t]));
        return new StreamRun.Outcome(first, received, streamCycles, streamStart, latency, perToken, edges);
    }

    private static long[] unseen(int tokens) {
        long[] a = new long[tokens];
        java.util.Arrays.fill(a, -1);
        return a;
    }

    /** Names the output beat concerned when a rule could not: the next one due. */
    private Mismatch locate(Mismatch m) {
        int r = received.size();
        if (m.token() >= 0 || !TopPorts.M_AXIS.contains(m.signal()) || r >= expected.size()) return m;
        OutputBeat about = expected.get(r);
        return new Mismatch(m.cycle(), m.streamCycle(), m.signal(), m.expected(), m.actual(), about.token(), about.index(), m.detail(), m.wave());
    }
}
