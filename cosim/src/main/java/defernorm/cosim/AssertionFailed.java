package defernorm.cosim;

import defernorm.hdl.ir.SourceLoc;

/**
 * A design's assertion ({@code assertThat} in a Component) did not hold at a rising clock edge. The
 * built-in engine throws it from {@code step}, {@code reset} or {@code runBatch}, before that edge is
 * applied; Verilator stops the model and throws a {@code VerilatorException} with the same message.
 *
 * <pre>{@code
 * try { sim.step(100); }
 * catch (AssertionFailed e) { System.out.println(e.getMessage()); }
 * // Assertion failed in cycle 12 at Counter.java:14: count stays below 10
 * }</pre>
 */
public final class AssertionFailed extends RuntimeException {
    private final long cycle;
    private final SourceLoc where;

    public AssertionFailed(String message, long cycle, SourceLoc where) {
        super(message);
        this.cycle = cycle;
        this.where = where;
    }

    /** The cycle whose rising edge found the condition false ({@link Simulation#cycle()} numbering). */
    public long cycle() { return cycle; }

    /** The {@code assertThat} call in the user's source. */
    public SourceLoc where() { return where; }
}
