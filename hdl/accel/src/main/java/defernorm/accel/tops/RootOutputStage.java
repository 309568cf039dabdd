package defernorm.accel.tops;

import defernorm.accel.units.OutputStage;
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
        Inst out;
        int latency;
        int biasBits;
        int q = top.prm.q();
        if (plan.scaled()) {
            ScaleUnit unit = new ScaleUnit(q, top.groups(), accBits, plan.factorBits(), plan.outFrac(), false);
            out = top.pipelined("scale", unit);
            out.in("in_factor", factor).in("in_exp", exp);
            latency = unit.latency();
            biasBits = unit.biasAddrBits();
        } else {
            OutputStage unit = new OutputStage(q, top.groups(), accBits, plan.up(), false);
            out = top.pipelined("out_stage", unit);
            latency = unit.latency();
            biasBits = unit.biasAddrBits();
        }
        connectBias(top, out, biasBits);
        out.in("in_valid", d.valid()).in("in_last", d.last()).in("in_acc", d.acc());
        if (top.groups() > 1) out.in("in_group", TopShell.fit(d.group(), biasBits));
        top.outside.drive(out.out("out_valid"), out.out("out_data"), out.out("out_last"));
        return latency;
    }

    /** Connects an output unit's bias write port to the bias region. */
    private static void connectBias(TopShell top, Inst out, int addrBits) {
        ConfigMap map = top.map;
        out.in("b_we", top.config.hit(map.biasBase(), map.biasWords()));
        out.in("b_addr", top.config.local(map.biasBase(), addrBits));
        out.in("b_data", top.config.word(map.biasBits()));
    }
}
