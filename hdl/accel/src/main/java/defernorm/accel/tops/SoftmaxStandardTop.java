package defernorm.accel.tops;

import defernorm.accel.units.Beat;
import defernorm.accel.units.MacArray;
import defernorm.accel.units.SoftmaxFront;
import defernorm.accel.units.SoftmaxRequantize;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.PipelineDepths;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;
import java.util.List;

/**
 * Softmax standard: the common front (the raw scores into the double-buffered activation buffer, the exp
 * front and the denominator on the input register's stream); the token's factor (r, e) and final max M go
 * into its bank's side slot, and once they are there the reader streams the token's scores through the
 * normalize lane ({@link SoftmaxRequantize}: {@code p = exp2(s·L − (M << 12))},
 * {@code q = clamp(roundShift(p·r, 31 + e − 7), 0, 127)}) into the MAC array; the drained accumulators
 * leave as {@code sat32((acc << 9) + bias)}.
 */
final class SoftmaxStandardTop extends SoftmaxTop {
    SoftmaxStandardTop(Params prm, Placement placement) {
        super(Variant.STANDARD, prm, placement);
        Front f = Front.build(this, prm.p() * Formats.DATA_BITS);
        f.writeAtHandshake(s.tdata());
        SoftmaxFactor fac = softmaxFactor(expFront(f.inputRegister()), true);
        List<Signal> side = f.sideWord(fac.valid(), List.of(fac.r(), fac.e(), fac.max()));

        Beat x = f.read();
        SoftmaxRequantize lane = new SoftmaxRequantize(prm.p(), true);
        Inst norm = pipelined("normalize", lane);
        norm.in(lane.inValid, x.valid()).in(lane.inLast, x.last()).in(lane.inS, x.data())
                .in(lane.inL, config.constantWord(SoftmaxFront.L_BITS))
                .in(lane.inR, side.get(0)).in(lane.inExp, side.get(1)).in(lane.inMax, side.get(2));

        MacArray array = new MacArray(new MacArray.Config(prm.p(), prm.q(), nb(), groups(), Type.uint(SoftmaxRequantize.Q_BITS), false, 0));
        PlacedArray mac = macArray(array);
        mac.feed(norm.out(lane.outValid), norm.out(lane.outQ));
        int output = DrainStage.standard(this, mac, f, Formats.SOFTMAX_OUT_FRAC - Formats.PROB_FRAC);
        built(new PipelineDepths(0, fac.reduction(), fac.factorDepth(), lane.latency() + ARRAY_ACCEPT, array.latency(), output, 0));
    }
}
