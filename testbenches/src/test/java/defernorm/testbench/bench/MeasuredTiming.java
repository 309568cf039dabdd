package defernorm.testbench.bench;

import defernorm.golden.model.Variant;

/**
 * One top's timing as measured in RTL, beside the golden Schedule's prediction (equal whenever
 * {@link TopTiming#measure} returns).
 *
 * @param variant                the top's variant
 * @param latency                first input handshake of token 0 to its last output handshake, in cycles
 * @param cyclesPerToken         steady-state cycles between consecutive tokens' last output beats
 * @param scheduleLatency        the Schedule's token latency
 * @param scheduleCyclesPerToken the Schedule's cycles per token
 */
public record MeasuredTiming(Variant variant, long latency, double cyclesPerToken, long scheduleLatency,
                             double scheduleCyclesPerToken) {}
