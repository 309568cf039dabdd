package defernorm.testbench.check;

/**
 * One check the checker applies to every observed cycle. Returns the first violation it finds, or null.
 * Implementations: {@link ScheduleCheck} (every output cycle against the golden timeline), {@link TransactionCheck}
 * (the beat sequence, whatever the timing) and {@link AxiStreamRules} (what a master may not do).
 */
public interface StreamRule {
    /** Looks at one cycle; returns a mismatch or null. */
    Mismatch observe(CycleSample sample);

    /** Called once the run ends; returns what is still missing, or null. */
    default Mismatch finish(long cycle, long streamCycle) { return null; }
}
