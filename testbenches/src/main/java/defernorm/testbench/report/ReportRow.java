package defernorm.testbench.report;

/**
 * One line of the main job's table: one top, co-simulated against the golden model.
 *
 * @param op                 layernorm, rmsnorm or softmax
 * @param variant            standard, deferred or matmul
 * @param top                the generated top's module name
 * @param n                  vector length
 * @param m                  output columns
 * @param p                  input lanes P
 * @param q                  output lanes Q
 * @param c                  collective latency C
 * @param tokens             tokens streamed
 * @param latency            measured cycles from a token's first input handshake to its last output beat
 * @param predictedLatency   the golden schedule's latency, or -1 if unknown
 * @param cyclesPerToken     measured steady-state cycles per token (throughput = 1 / this)
 * @param mismatches         mismatching, missing or extra output beats (0 = pass)
 * @param maxAbsError        largest |dequantized output - float64 reference|, NaN if not computed
 * @param maxRelError        that error relative to the largest |reference| output of the token, NaN if not computed
 * @param cells              yosys cell count, or -1 when yosys was not run
 * @param flipFlops          yosys flip-flop bit count, or -1 when yosys was not run
 * @param firstMismatch      the first mismatch in one line, or empty
 * @param synthNote          why {@code cells}/{@code flipFlops} are missing (e.g. "yosys is not installed"), or empty
 */
public record ReportRow(String op, String variant, String top, int n, int m, int p, int q, int c, int tokens,
                        long latency, long predictedLatency, double cyclesPerToken, int mismatches,
                        double maxAbsError, double maxRelError, long cells, long flipFlops, String firstMismatch,
                        String synthNote) {

    public boolean passed() { return mismatches == 0 && firstMismatch.isEmpty(); }

    /** The same row with yosys counts filled in (-1 for unknown, with {@code note} saying why). */
    public ReportRow withSynth(long cellCount, long flipFlopCount, String note) {
        return new ReportRow(op, variant, top, n, m, p, q, c, tokens, latency, predictedLatency, cyclesPerToken, mismatches,
                maxAbsError, maxRelError, cellCount, flipFlopCount, firstMismatch, note);
    }

    /** "op/variant", the row's short name. */
    public String label() { return op + "/" + variant; }

    /** Tokens per cycle in steady state. */
    public double throughput() { return cyclesPerToken > 0 ? 1.0 / cyclesPerToken : Double.NaN; }
}
