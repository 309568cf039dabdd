package defernorm.accel.units;

import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * The deferred variant's final scale stage (4 register stages, {@link #latency()}), bit-exact with
 * {@code out[j] = sat32(roundShift(acc[j] * factor, 31 + e - outFrac) + bias[j])}
 * ({@code NormDeferred}, {@code SoftmaxDeferred}): drain-bank read with the factor; multiply;
 * rounding shift (and the group's bias read); bias add and saturate.
 *
 * <p>Beside {@link OutputStage}'s ports: the factor and exponent, sampled with {@code in_acc}. The shift
 * {@code 31 + e - outFrac} must not be negative (the golden model's formats guarantee it).
 *
 * <pre>{@code
 * ScaleUnit s = new ScaleUnit(4, 8, 22, 23, Formats.NORM_OUT_FRAC);   // ScaleUnit_Q4_G8_A22_F23_O8
 * }</pre>
 */
public final class ScaleUnit extends OutputUnit {

    /** The token's factor (UInt(F): n·r or r) and exponent, beside each of its groups. */
    public final Signal inFactor, inExp;

    public ScaleUnit(int q, int groups, int accBits, int factorBits, int outFrac) {
        this(q, groups, accBits, factorBits, outFrac, true);
    }

    /**
     * @param registeredOutput false to leave the last register to the consumer (the tops' m_axis register):
     *                         {@code out_*} are then combinational from stage 3 (module name suffix {@code _C})
     */
    public ScaleUnit(int q, int groups, int accBits, int factorBits, int outFrac, boolean registeredOutput) {
        super("ScaleUnit_Q" + q + "_G" + groups + "_A" + accBits + "_F" + factorBits + "_O" + outFrac, q, groups, accBits,
                registeredOutput);
        inFactor = input("in_factor", Type.uint(factorBits));
        inExp = input("in_exp", Type.sint(LeadingOneNormalizer.EXP_BITS));
        Signal factor = stage("s1_factor", inFactor);
        Signal exp = stage("s1_exp", inExp);
        advanceGroup("s1_group");

        // ---- stage 2: multiply; the shift amount 31 + e - outFrac (>= 0) -------------------------------------
        Signal f = factor.extend(factorBits + 1).asSigned();
        List<Signal> prod = new ArrayList<>();
        for (int j = 0; j < q; j++) prod.add(stage("s2_prod_" + j, acc.get(j).times(f)));
        Signal shift = stage("s2_shift", factorShift(exp, outFrac));
        advanceGroup("s2_group");
        advance("s2");

        // ---- stage 3: rounding shift ---------------------------------------------------------------------------
        List<Signal> rounded = new ArrayList<>();
        for (int j = 0; j < q; j++) rounded.add(stage("s3_round_" + j, roundShift(prod.get(j), shift)));
        readBias("s3_bias");
        advance("s3");

        // ---- stage 4: bias add and saturate ---------------------------------------------------------------------
        finish("s4_out", rounded);
    }
}
