package defernorm.testbench.check;

import defernorm.golden.timing.Arrivals;
import defernorm.golden.timing.Timeline;
import java.util.List;

/**
 * What the golden model says a top must produce, in the terms the checker compares: the bit-accurate beats
 * and, with the sink always ready, the timeline of every handshake for the source's arrivals.
 *
 * <pre>{@code
 * List<OutputBeat> beats = golden.outputs(tokens);
 * Timeline tl = golden.timeline(tokens.size(), Arrivals.randomGaps(7, 0.6));
 * long c = tl.output()[2][1];      // stream cycle of token 2's output beat 1
 * boolean r = tl.readyAt(17);      // s_axis_tready on stream cycle 17
 * }</pre>
 */
public interface GoldenStream {
    /** The output beats for these int8 tokens, in stream order (token by token, beat by beat). */
    List<OutputBeat> outputs(List<byte[]> tokens);

    /**
     * For {@code tokens} tokens whose beats the source offers as {@code arrivals} says, with the sink always
     * ready: the edge of every input and output handshake and {@code s_axis_tready} on every cycle, counted
     * from the first cycle of the stream (edge 0, the earliest a beat can be accepted).
     */
    Timeline timeline(int tokens, Arrivals arrivals);
}
