package defernorm.accel.tops;

import defernorm.accel.units.Beat;
import defernorm.accel.units.MacArray;
import defernorm.accel.units.NormRequantize;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.PipelineDepths;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import java.util.List;

/**
 * LayerNorm/RMSNorm standard: the common front (line-rate ingest into the double-buffered activation buffer,
 * the reduction on the input register's stream); the token's factor r, exponent e (and S1) go into its
 * bank's side slot, and once they are there the reader streams the token's beats through the normalize lane
 * ({@link NormRequantize}: {@code a = sat8(roundShift((n·x − S1)·r, 31 + e − 4))}, RMSNorm {@code n·x·r})
 * into the MAC array; the drained accumulators leave as {@code sat32((acc << 4) + bias)}.
 */
final class NormStandardTop extends NormTop {
    NormStandardTop(Op op, Params prm, Placement placement) {
        super(op, Variant.STANDARD, prm, placement);
        Front f = Front.build(this, prm.p() * Formats.DATA_BITS);
        f.writeAtHandshake(s.tdata());
        NormFactor fac = normFactor(f.inputRegister(), false);
        List<Signal> side = f.sideWord(fac.valid(), centered() ? List.of(fac.value(), fac.exp(), fac.s1()) : List.of(fac.value(), fac.exp()));

        Beat x = f.read();
        int s1Bits = centered() ? fac.s1().width() : 0;
        NormRequantize lane = new NormRequantize(op, systemN(), prm.p(), s1Bits, true);
        Inst norm = pipelined("normalize", lane);
        norm.in(lane.inValid, x.valid()).in(lane.inLast, x.last()).in(lane.inX, x.data())
                .in(lane.inR, side.get(0)).in(lane.inExp, side.get(1));
        if (centered()) norm.in(lane.inS1, side.get(2));

        MacArray array = new MacArray(MacArray.Config.int8(prm.n(), prm.m(), prm.p(), prm.q()));
        PlacedArray mac = macArray(array);
        mac.feed(norm.out(lane.outValid), norm.out(lane.outA));
        int output = DrainStage.standard(this, mac, f, Formats.NORM_OUT_FRAC - Formats.NORM_ACT_FRAC);
        built(new PipelineDepths(0, fac.reduction(), fac.factorDepth(), lane.latency() + ARRAY_ACCEPT, array.latency(), output, 0));
    }
}
