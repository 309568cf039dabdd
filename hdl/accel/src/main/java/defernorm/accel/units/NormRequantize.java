package defernorm.accel.units;

import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.hdl.Output;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard LayerNorm/RMSNorm normalize stage (3 stages, P lanes; 2 without the registered output),
 * bit-exact with {@code NormStandard}: {@code a[i] = sat8(roundShift((n·x[i] - S1)·r, 31 + e - 4))}
 * (RMSNorm: {@code n·x[i]·r}): center, multiply by r, round and saturate. The result is the int8 input
 * of the MAC array, with {@code NORM_ACT_FRAC} fractional bits.
 *
 * <pre>{@code
 * NormRequantize q = new NormRequantize(Op.LAYERNORM, 64, 8, 14);   // NormRequantize_LAYERNORM_n64_P8
 * }</pre>
 */
public final class NormRequantize extends PipelinedUnit {
    /** A beat of P int8 lanes {@code in_x} with the token's S1 (LayerNorm, else null), r and exponent, sampled with it. */
    public final Signal inValid, inLast, inX, inS1, inR, inExp;
    /** The normalized beat: P int8 lanes {@code out_a}. */
    public final Output outA, outValid, outLast;
    private int depth;

    public NormRequantize(Op op, int n, int p, int s1Bits) {
        this(op, n, p, s1Bits, true);
    }

    /**
     * @param registeredOutput false to leave the last register to the consumer (the MAC array's input
     *                         register): {@code out_*} are then combinational from stage 2 (name suffix {@code _C})
     */
    public NormRequantize(Op op, int n, int p, int s1Bits, boolean registeredOutput) {
        super("NormRequantize_" + op + "_n" + n + "_P" + p + (op == Op.LAYERNORM ? "_S" + s1Bits : "") + (registeredOutput ? "" : "_C"));
        if (op == Op.SOFTMAX) throw new IllegalArgumentException("NormRequantize is for LayerNorm and RMSNorm; softmax uses SoftmaxRequantize.");
        boolean ln = op == Op.LAYERNORM;
        int db = Formats.DATA_BITS, eb = LeadingOneNormalizer.EXP_BITS;
        inValid = input("in_valid", Type.bool());
        inLast = input("in_last", Type.bool());
        inX = input("in_x", Type.uint(p * db));
        inS1 = ln ? input("in_s1", Type.sint(s1Bits)) : null;
        inR = input("in_r", Type.uint(16));
        inExp = input("in_exp", Type.sint(eb));
        Signal valid = inValid, last = inLast;
        Signal r = inR.extend(17).asSigned();
        int nBits = Type.bitsFor(n) + 1;
        Signal nLit = lit(n, Type.sint(nBits));

        // ---- stage 1: center ------------------------------------------------------------------------------------
        List<Signal> centered = new ArrayList<>();
        List<Signal> xs = lanes(inX, p, Type.sint(db));
        for (int i = 0; i < p; i++) {
            Signal nx = xs.get(i).times(nLit);
            centered.add(stage("s1_c_" + i, ln ? nx.minus(inS1) : nx));
        }
        Signal shift = stage("s1_shift", factorShift(inExp, Formats.NORM_ACT_FRAC));
        Signal rQ = stage("s1_r", r);
        valid = stage("s1_valid", valid);
        last = stage("s1_last", last);
        depth++;

        // ---- stage 2: multiply by r -------------------------------------------------------------------------------
        List<Signal> prod = new ArrayList<>();
        for (int i = 0; i < p; i++) prod.add(stage("s2_u_" + i, centered.get(i).times(rQ)));
        Signal shift2 = stage("s2_shift", shift);
        valid = stage("s2_valid", valid);
        last = stage("s2_last", last);
        depth++;

        // ---- stage 3: round and saturate to int8 ------------------------------------------------------------------
        List<Signal> out = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            Signal a = saturateSigned(roundShift(prod.get(i), shift2), db);
            out.add(registeredOutput ? stage("s3_a_" + i, a) : a);
        }
        outA = output("out_a", pack(out));
        outValid = output("out_valid", registeredOutput ? stage("s3_valid", valid) : valid);
        outLast = output("out_last", registeredOutput ? stage("s3_last", last) : last);
        if (registeredOutput) depth++;
    }

    /** Register stages built: 3, or 2 without the registered output (the consumer's register is the third). */
    public int latency() { return depth; }
}
