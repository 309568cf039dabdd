package defernorm.accel.units;

import defernorm.golden.fixed.Reciprocal;
import defernorm.golden.timing.Latencies;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * The softmax nonlinear chain after the collective, bit-exact with {@code Factor.reciprocal(den)}:
 * {@code e = bits(den) - 16}, {@code dn = den·2^-e} (16-bit), {@code r = floor((2^31-1)/dn)}; a
 * {@link LeadingOneNormalizer} (plain), a {@link ReciprocalUnit} and the factor register:
 * {@code Latencies.softmaxFactor()} stages.
 *
 * <p>Ports: {@code en}, {@code in_valid}, {@code in_den} (UInt(D), den &ge; 1) &rarr; {@code out_valid},
 * {@code out_factor} (UInt(16): r), {@code out_exp} (SInt(8)).
 *
 * <pre>{@code
 * SoftmaxFactorUnit f = new SoftmaxFactorUnit(14);   // SoftmaxFactorUnit_D14
 * }</pre>
 */
public final class SoftmaxFactorUnit extends PipelinedUnit {

    public SoftmaxFactorUnit(int denBits) {
        super("SoftmaxFactorUnit_D" + denBits);
        if (Latencies.FACTOR_SCALE != 1) throw new IllegalStateException("SoftmaxFactorUnit builds FACTOR_SCALE = 1 stage; Latencies changed.");
        Signal en = en();
        Inst norm = instance("normalize", new LeadingOneNormalizer(denBits, Reciprocal.BITS, false));
        norm.in("en", en).in("in_valid", input("in_valid", Type.bool())).in("in_data", input("in_den", Type.uint(denBits)));
        Inst recip = instance("reciprocal", new ReciprocalUnit());
        recip.in("en", en).in("in_valid", norm.out("out_valid")).in("in_data", norm.out("out_mant"));
        Signal exp = delay("exp", norm.out("out_exp"), Latencies.RECIPROCAL);
        output("out_factor", Type.uint(Reciprocal.BITS)).set(stage("f_factor", recip.out("out_data")));
        output("out_exp", Type.sint(LeadingOneNormalizer.EXP_BITS)).set(stage("f_exp", exp));
        output("out_valid", Type.bool()).set(stage("f_valid", recip.out("out_valid")));
    }

    /** Register stages: {@code Latencies.softmaxFactor()}. */
    public int latency() { return Latencies.softmaxFactor(); }
}
