package defernorm.testbench.check;

import defernorm.golden.timing.Arrivals;
import defernorm.golden.timing.Timeline;

/**
 * The stream the every-cycle check drives and expects, in stream cycles: when the source offers each input
 * beat (the arrivals, given the golden accept of the beat before), when the golden timeline accepts it,
 * when each output beat leaves, and {@code s_axis_tready} on every cycle. Beats are numbered token by
 * token, beat by beat.
 *
 * <pre>{@code
 * TimedStream ts = TimedStream.of(golden.timeline(tokens, arrivals), arrivals);
 * boolean valid = ts.offer(b) <= cycle && cycle <= ts.accept(b);
 * }</pre>
 */
record TimedStream(Timeline timeline, long[] offers, long[] accepts, long[] outputs) {

    /** The plan for {@code timeline}, which the golden model derived from the same {@code arrivals}. */
    static TimedStream of(Timeline timeline, Arrivals arrivals) {
        int nb = timeline.accept()[0].length;
        int g = timeline.output()[0].length;
        int tokens = timeline.tokens();
        long[] offers = new long[tokens * nb];
        long[] accepts = new long[tokens * nb];
        long[] outputs = new long[tokens * g];
        long previous = -1;
        for (int t = 0; t < tokens; t++) {
            for (int k = 0; k < nb; k++) {
                // the same offer the golden schedule took: no earlier than the edge after the previous handshake
                offers[t * nb + k] = Math.max(arrivals.offer(t, k, previous), previous + 1);
                previous = timeline.accept()[t][k];
                accepts[t * nb + k] = previous;
            }
            System.arraycopy(timeline.output()[t], 0, outputs, t * g, g);
        }
        return new TimedStream(timeline, offers, accepts, outputs);
    }

    int inputBeats() { return accepts.length; }

    /** Stream cycle of the last input handshake: after it the timeline says nothing about {@code s_axis_tready}. */
    long lastAccept() { return accepts[accepts.length - 1]; }

    long lastOutput() { return outputs.length == 0 ? -1 : outputs[outputs.length - 1]; }

    /** {@code s_axis_tready} on stream cycle {@code cycle}, for cycles up to {@link #lastAccept()}. */
    boolean readyAt(long cycle) { return timeline.readyAt(cycle); }

    /** Index of the first input beat not accepted before {@code cycle}, searching on from {@code from}; {@link #inputBeats()} when all were. */
    int beatAt(long cycle, int from) {
        int b = from;
        while (b < accepts.length && accepts[b] < cycle) b++;
        return b;
    }
}
