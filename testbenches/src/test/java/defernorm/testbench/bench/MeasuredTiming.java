package defernorm.testbench.bench;

import defernorm.golden.model.Variant;

/**
 * One top's timing as measured in RTL, beside the golden Schedule's prediction (equal whenever
 * {@link TopTiming#measure} returns).
 *
 * @param variant                the top's variant
 * @param latency                first input handshake of token 0 to its last output handshake, in cycles; -1 when not simulated
 * @param cyclesPerToken         spacing of consecutive tokens' last output beats over the simulated run; NaN when not simulated
 * @param scheduleLatency        the Schedule's token latency
 * @param scheduleCyclesPerToken the Schedule's steady-state cycles per token
 */
public record MeasuredTiming(Variant variant, long latency, double cyclesPerToken, long scheduleLatency,
                             double scheduleCyclesPerToken) {
    /** Whether the figures were measured in RTL (else they are the Schedule's alone). */
    public boolean simulated() { return latency >= 0; }
}
