package defernorm.accel.units;

import defernorm.golden.model.Formats;
import defernorm.hdl.Inst;
import defernorm.hdl.Output;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * The softmax nonlinear chain after the collective, bit-exact with {@code Factor.reciprocal(den)}: a
 * {@link ReciprocalUnit} (normalize 2, table read 1, multiply 1, round 1) and the factor register, 6 stages.
 *
 * <p>Ports: {@code en}, {@code in_valid}, {@code in_den} (UInt(D), den &ge; 1) &rarr; {@code out_valid},
 * {@code out_factor} (UInt(16): r), {@code out_exp} (SInt(8)).
 *
 * <pre>{@code
 * SoftmaxFactorUnit f = new SoftmaxFactorUnit(14);   // SoftmaxFactorUnit_D14, f.latency() == 6
 * }</pre>
 */
public final class SoftmaxFactorUnit extends PipelinedUnit {
    public final Signal inValid;
    public final Signal inDen;
    public final Output outFactor;
    public final Output outExp;
    public final Output outValid;
    private final int latency;

    public SoftmaxFactorUnit(int denBits) {
        super("SoftmaxFactorUnit_D" + denBits);
        ReciprocalUnit recipUnit = new ReciprocalUnit(denBits);
        Inst recip = pipelined("reciprocal", recipUnit);
        inValid = input("in_valid", Type.bool());
        inDen = input("in_den", Type.uint(denBits));
        connect(recip.port(recipUnit.in), new Flow(inValid, inDen));
        Mantissa r = recip.port(recipUnit.out);
        outFactor = output("out_factor", Type.uint(Formats.FACTOR_BITS));
        outExp = output("out_exp", Type.sint(LeadingOneNormalizer.EXP_BITS));
        outValid = output("out_valid", Type.bool());
        outFactor.set(stage("f_factor", r.r()));
        outExp.set(stage("f_exp", r.exp()));
        outValid.set(stage("f_valid", r.valid()));
        this.latency = recipUnit.latency() + 1;
    }

    /** Register stages built: the {@link ReciprocalUnit}'s 5 plus the factor register. */
    public int latency() { return latency; }
}
