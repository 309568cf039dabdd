package defernorm.accel.tops;

import defernorm.accel.units.OutputStage;
import defernorm.accel.units.OutputUnit;
import defernorm.accel.units.ScaleUnit;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;

/**
 * The output stage an {@link OutputPlan} names, on drained groups, its last register the m_axis register: a
 * single top's (after its drain) or a system's root (after the output reduce). Unscaled: an
 * {@link OutputStage}, {@code sat32((acc << up) + bias)}; scaled: a {@link ScaleUnit},
 * {@code sat32(roundShift(acc·factor, 31 + exp − outFrac) + bias)}. Its bias memory is written through the
 * bias region of the configuration map.
 *
 * <pre>{@code
 * int depth = RootOutputStage.build(top, plan, drained, accBits, factor, exp);
 * }</pre>
 */
final class RootOutputStage {
    private RootOutputStage() {}

    /**
     * Builds the stage on {@code d} (accumulators {@code accBits} wide per lane); {@code factor} and
     * {@code exp} only when {@code plan.scaled()}. Returns its depth.
     */
    static int build(TopShell top, OutputPlan plan, Drained d, int accBits, Signal factor, Signal exp) {
        int q = top.prm.q();
        OutputUnit unit = plan.scaled() ? new ScaleUnit(q, top.groups(), accBits, plan.factorBits(), plan.outFrac(), false)
                : new OutputStage(q, top.groups(), accBits, plan.up(), false);
        Inst out = top.pipelined(plan.scaled() ? "scale" : "out_stage", unit);
        if (unit instanceof ScaleUnit scale) out.in(scale.inFactor, factor).in(scale.inExp, exp);
        top.connectPorts(out.port(unit.biases), top.config.writePort(top.map.biasBase(), top.map.biasWords(), unit.biases));
        out.in(unit.inValid, d.valid()).in(unit.inLast, d.last()).in(unit.inAcc, d.acc());
        if (unit.inGroup != null) out.in(unit.inGroup, d.group().resize(unit.inGroup.width()));
        top.outside.drive(out.port(unit.out));
        return unit.latency();
    }
}
