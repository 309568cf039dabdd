package defernorm.testbench.check;

import java.util.List;

/**
 * What the golden model says a top must produce, in the terms the checker compares: the bit-accurate beats
 * and, for the no-backpressure case, the cycle of every beat.
 *
 * <pre>{@code
 * List<OutputBeat> beats = golden.outputs(tokens);
 * long[] cycles = golden.beatCycles(tokens.size());   // schedule cycle of beats.get(i)
 * }</pre>
 */
public interface GoldenStream {
    /** The output beats for these int8 tokens, in stream order (token by token, beat by beat). */
    List<OutputBeat> outputs(List<byte[]> tokens);

    /**
     * For {@code tokens} tokens streamed back to back with no backpressure, the schedule cycle of each
     * output beat's handshake, counted from the edge of the first input handshake (cycle 0).
     */
    long[] beatCycles(int tokens);

    /**
     * For the same no-backpressure stream, the schedule cycle of each input beat's handshake (token by token,
     * beat by beat), or null when the model does not say. With it, the checker drives the input from the plan
     * in long batches and checks {@code s_axis_tready} on every cycle too; without it, it drives the input
     * reactively, one cycle per exchange with the engine.
     */
    default long[] inputCycles(int tokens) { return null; }
}
