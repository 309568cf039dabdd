package defernorm.testbench.bench;

import defernorm.accel.tops.TopGenerator;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.PipelineDepths;
import java.util.EnumMap;
import java.util.Map;

/**
 * One parameter point of the datapath benchmark: the three variants' timing, measured in RTL (each equal to
 * the golden Schedule's) or, where not simulated, the Schedule's alone.
 *
 * @param op     the operation
 * @param params the shape
 * @param timing by variant, in {@link TopTiming#ORDER}
 */
record TimingRow(Op op, Params params, Map<Variant, MeasuredTiming> timing) {
    static TimingRow measure(Op op, Params params) {
        return new TimingRow(op, params, TopTiming.measureAll(op, params));
    }

    static TimingRow predict(Op op, Params params) {
        Map<Variant, MeasuredTiming> t = new EnumMap<>(Variant.class);
        for (Variant v : TopTiming.ORDER) t.put(v, TopTiming.predict(op, v, params));
        return new TimingRow(op, params, t);
    }

    /** {@link #measure} when {@code simulate}, else {@link #predict}. */
    static TimingRow of(Op op, Params params, boolean simulate) {
        return simulate ? measure(op, params) : predict(op, params);
    }

    MeasuredTiming of(Variant v) { return timing.get(v); }

    /** A variant's latency: measured when simulated, else the Schedule's. */
    long latency(Variant v) { return of(v).simulated() ? of(v).latency() : of(v).scheduleLatency(); }

    /** NB·G: the matmul's cycles per token with one MAC pass per input beat and output group. */
    long matmulWork() { return (long) params.beats() * params.groups(); }

    /** The hiding limit H of the deferred top at this shape. */
    long hidingLimit() { return TopGenerator.schedule(op, Variant.DEFERRED, params).hidingLimit(); }

    /**
     * What deferred adds to matmul-only when the collective is hidden (C ≤ H): its final scale's depth over the
     * output stage's, plus the exp front it writes through (softmax).
     */
    long deferredExtra() {
        PipelineDepths def = TopGenerator.depths(op, Variant.DEFERRED, params);
        PipelineDepths mm = TopGenerator.depths(op, Variant.MATMUL, params);
        return def.output() - mm.output() + def.write();
    }
}
