package defernorm.testbench.check;

/**
 * The edges of one token observable at a top's ports, in stream cycles (-1 when not seen): its first and last
 * input handshakes and its first and last output handshakes.
 *
 * <pre>{@code
 * TokenEdges e = result.tokenEdges().get(0);
 * long latency = e.lastOutput() - e.firstInput();
 * }</pre>
 */
public record TokenEdges(long firstInput, long lastInput, long firstOutput, long lastOutput) {
    /** Whether every edge was seen. */
    public boolean complete() {
        return firstInput >= 0 && lastInput >= 0 && firstOutput >= 0 && lastOutput >= 0;
    }
}
