package defernorm.testbench.bench;

import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import java.util.Map;

/**
 * One parameter point of the datapath benchmark: the three variants' measured timing (each equal to the
 * golden Schedule's).
 *
 * @param op     the operation
 * @param params the shape
 * @param timing by variant, in {@link TopTiming#ORDER}
 */
record TimingRow(Op op, Params params, Map<Variant, MeasuredTiming> timing) {
    static TimingRow measure(Op op, Params params) {
        return new TimingRow(op, params, TopTiming.measureAll(op, params));
    }

    MeasuredTiming of(Variant v) { return timing.get(v); }

    /** NB·G: the matmul's cycles per token with one MAC pass per input beat and output group. */
    long matmulWork() { return (long) params.beats() * params.groups(); }
}
