package defernorm.accel.tops;

import defernorm.accel.units.Beat;
import defernorm.accel.units.MacArray;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.PipelineDepths;

/**
 * LayerNorm/RMSNorm deferred: the common front feeds the raw int8 beats from the activation buffer to the
 * MAC array while the reduction, the collective and the factor chain run beside it on the input register's
 * stream; the drain waits for both the accumulators and the factor {@code n·r} (queued in the drain's factor
 * FIFO) and the final scale ({@code ScaleUnit}) applies it: {@code out = sat32(roundShift(acc·n·r, 31 + e − 8) + bias)}.
 */
final class NormDeferredTop extends NormTop {
    NormDeferredTop(Op op, Params prm, Placement placement) {
        super(op, Variant.DEFERRED, prm, placement);
        Front f = Front.build(this, prm.p() * Formats.DATA_BITS);
        f.writeAtHandshake(s.tdata());
        NormFactor fac = normFactor(f.inputRegister(), true);

        Beat x = f.read();
        MacArray array = new MacArray(MacArray.Config.int8(prm.n(), prm.m(), prm.p(), prm.q()));
        PlacedArray mac = macArray(array);
        mac.feed(x.valid(), x.data());
        int output = DrainStage.deferred(this, mac, f, fac.valid(), fac.value(), fac.exp(), Formats.NORM_OUT_FRAC, null);
        built(new PipelineDepths(0, fac.reduction(), fac.factorDepth(), ARRAY_ACCEPT, array.latency(), output, FACTOR_SLOTS));
    }
}
