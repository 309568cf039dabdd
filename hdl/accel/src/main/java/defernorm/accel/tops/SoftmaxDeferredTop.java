package defernorm.accel.tops;

import defernorm.accel.units.Beat;
import defernorm.accel.units.MacArray;
import defernorm.accel.units.SoftmaxFront;
import defernorm.golden.fixed.Exp2;
import defernorm.golden.model.Formats;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.golden.timing.PipelineDepths;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * Softmax deferred (online softmax, FlashAttention-style): the common front, with each beat's buffer word
 * written from the exp front's output register: the P exp values {@code p = exp2(u − (M_k << 12))} and the
 * beat's rescale shift Δ_k. The reader feeds them to the MAC array, whose accumulators are rescaled by
 * {@code roundShift(acc, Δ_k)} when the maximum grows; the same exp values feed the denominator. The drain
 * waits for the factor and the final scale ({@code ScaleUnit}) applies it:
 * {@code out = sat32(roundShift(acc·r, 31 + e − 16) + bias)}.
 */
final class SoftmaxDeferredTop extends SoftmaxTop {
    SoftmaxDeferredTop(Params prm, Placement placement) {
        super(Variant.DEFERRED, prm, placement);
        int probBits = prm.p() * Exp2.OUT_BITS;
        int shiftBits = SoftmaxFront.MAX_BITS;
        Front f = Front.build(this, probBits + shiftBits);
        ExpFront ef = expFront(f.inputRegister());
        // Written the edge after the exp output register loads: write depth = exp front + 1.
        Signal word = Signal.cat(ef.delta(), ef.p());
        if (word.width() != probBits + shiftBits) {
            throw new IllegalStateException("the exp front's beat is " + word.width() + " bits, not P·Exp2.OUT_BITS + MAX_BITS = " + (probBits + shiftBits) + ".");
        }
        f.write(ef.valid(), ef.last(), word);
        SoftmaxFactor fac = softmaxFactor(ef, false);

        Beat x = f.read();
        MacArray array = new MacArray(new MacArray.Config(prm.p(), prm.q(), nb(), groups(), Type.uint(Exp2.OUT_BITS), true, shiftBits));
        PlacedArray mac = macArray(array);
        mac.feed(x.valid(), x.data().slice(probBits - 1, 0), x.data().slice(probBits + shiftBits - 1, probBits));
        int output = DrainStage.deferred(this, mac, f, fac.valid(), fac.r(), fac.e(), Formats.SOFTMAX_OUT_FRAC, fac.shift());
        built(new PipelineDepths(ef.depth() + 1, fac.reduction(), fac.factorDepth(), ARRAY_ACCEPT, array.latency(), output, FACTOR_SLOTS));
    }
}
