package defernorm.testbench.report;

/**
 * One point of the latency sweeps plotted in the HTML report: a variant's latency at one (n, C).
 *
 * @param op        the op swept
 * @param variant   standard, deferred or matmul
 * @param n         vector length
 * @param c         collective latency C
 * @param measured  measured latency in cycles, or -1 when not simulated
 * @param predicted the golden schedule's latency, or -1 when unknown
 * @param cyclesPerToken measured steady-state cycles per token, or NaN
 * @param passed    whether the simulated top matched the golden model at this point
 */
public record SweepPoint(String op, String variant, int n, int c, long measured, long predicted, double cyclesPerToken,
                         boolean passed) {}
