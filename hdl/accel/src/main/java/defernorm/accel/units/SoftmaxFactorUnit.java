package defernorm.accel.units;

import defernorm.hdl.*;
import defernorm.hdl.ir.Type;

/**
 * The softmax nonlinear chain after the collective, bit-exact with {@code Factor.reciprocal(den)}: a
 * {@link ReciprocalUnit} (normalize 2, table read 1, multiply 1, round 1) and the factor register, 6 stages.
 *
 * <pre>{@code
 * SoftmaxFactorUnit f = new SoftmaxFactorUnit(14);   // SoftmaxFactorUnit_D14, f.latency() == 6
 * }</pre>
 */
public final class SoftmaxFactorUnit extends PipelinedUnit {
    /** The denominator {@code in_den} (den &ge; 1) in; the factor register {@code r}, its exponent and valid out. */
    public final Signal inValid, inDen;
    public final Output outFactor, outExp, outValid;
    private final int latency;

    public SoftmaxFactorUnit(int denBits) {
        super("SoftmaxFactorUnit_D" + denBits);
        ReciprocalUnit recipUnit = new ReciprocalUnit(denBits);
        Inst recip = pipelined("reciprocal", recipUnit);
        inValid = input("in_valid", Type.bool());
        inDen = input("in_den", Type.uint(denBits));
        connect(recip.port(recipUnit.in), new Flow(inValid, inDen));
        Mantissa r = recip.port(recipUnit.out);
        outFactor = output("out_factor", stage("f_factor", r.r()));
        outExp = output("out_exp", stage("f_exp", r.exp()));
        outValid = output("out_valid", stage("f_valid", r.valid()));
        this.latency = recipUnit.latency() + 1;
    }

    /** Register stages built: the {@link ReciprocalUnit}'s 5 plus the factor register. */
    public int latency() { return latency; }
}
