package defernorm.accel.tops;

import defernorm.accel.units.MacArray;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;

/**
 * The matmul-only top (the latency floor): input beats go straight into the MAC array (one beat per G
 * cycles), the drained accumulators pass the output stage ({@code sat32(acc + bias)}) and leave Q lanes
 * per beat. The op only names the top: without normalization all three ops are the same datapath.
 */
final class MatmulTop extends TopShell {
    MatmulTop(Op op, Params prm) {
        super(op, Variant.MATMUL, prm);
        MacArray.Config cfg = MacArray.Config.int8(prm.n(), prm.m(), prm.p(), prm.q());
        Inst mac = macArray(cfg);
        mac.in("in_valid", s.tvalid());
        mac.in("in_act", s.tdata());
        Signal ready = mac.out("in_ready").and(en).named("in_ready");
        s.tready().set(ready);
        inputBeatCounter(s.tvalid().and(ready));
        standardOutput(mac, cfg.accBits(), 0);
    }
}
