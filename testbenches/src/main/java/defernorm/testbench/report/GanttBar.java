package defernorm.testbench.report;

/**
 * One bar of the per-token timeline (Gantt) in the report: what one token of one variant is doing from
 * stream cycle {@code from} to {@code to}.
 *
 * <pre>{@code new GanttBar("deferred", 0, GanttBar.Phase.MATMUL, 2, 70)}</pre>
 *
 * @param variant standard or deferred
 * @param token   token index
 * @param phase   what happens
 * @param from    first stream cycle (edge) of the phase
 * @param to      last stream cycle (edge) of the phase
 */
public record GanttBar(String variant, int token, Phase phase, long from, long to) {
    /** The phases drawn, top to bottom within a token, and where each one's edges come from. */
    public enum Phase {
        INGEST("ingest (input handshakes)"),
        REDUCTION("reduction"),
        COLLECTIVE("collective (C)"),
        FACTOR("factor chain"),
        MATMUL("matmul (buffer read to landing)"),
        SCALE("drain + output");

        private final String label;

        Phase(String label) { this.label = label; }

        public String label() { return label; }
    }
}
