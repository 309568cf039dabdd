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
 * <p>Ports: {@code en}, {@code in_valid}, {@code in_last}, {@code in_x} (P lanes of int8), {@code in_s1}
 * (SInt, LayerNorm only), {@code in_r} (UInt(16)), {@code in_exp} (SInt(8)), all sampled with their beat &rarr; {@code out_valid}, {@code out_last}, {@code out_a} (P lanes of int8).
 *
 * <pre>{@code
 * NormRequantize q = new NormRequantize(Op.LAYERNORM, 64, 8, 14);   // NormRequantize_LAYERNORM_n64_P8
 * }</pre>
 */
public final class NormRequantize extends PipelinedUnit {
    private int depth;

    /** A beat of P int8 lanes with the token's r, exponent and (LayerNorm) S1; the normalized lanes out. */
    public final Signal inValid;
    public final Signal inLast;
    public final Signal inX;
    /** S1 (LayerNorm only; null for RMSNorm). */
    public final Signal inS1;
    public final Signal inR;
    public final Signal inExp;
    public final Output outA;
    public final Output outValid;
    public final Output outLast;

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
        int db = Formats.DATA_BITS;
        int eb = LeadingOneNormalizer.EXP_BITS;
        inValid = input("in_valid", Type.bool());
        inLast = input("in_last", Type.bool());
        inX = input("in_x", Type.uint(p * db));
        inS1 = ln ? input("in_s1", Type.sint(s1Bits)) : null;
        inR = input("in_r", Type.uint(16));
        inExp = input("in_exp", Type.sint(eb));
        Signal valid = inValid, last = inLast, x = inX, s1 = inS1, exp = inExp;
        Signal r = inR.extend(17).asSigned();
        int nBits = 32 - Integer.numberOfLeadingZeros(n) + 1;
        Signal nLit = lit(n, Type.sint(nBits));

        // ---- stage 1: center ------------------------------------------------------------------------------------
        List<Signal> centered = new ArrayList<>();
        List<Signal> xs = lanes(x, p, Type.sint(db));
        for (int i = 0; i < p; i++) {
            Signal nx = xs.get(i).times(nLit);
            Signal c = nx;
            if (ln) {
                int w = Math.max(nx.width(), s1Bits);
                c = nx.extend(w).minus(s1.extend(w));
            }
            centered.add(stage("s1_c_" + i, c));
        }
        Signal shift = stage("s1_shift", exp.extend(eb + 1).plus(lit(Formats.FACTOR_FRAC - Formats.NORM_ACT_FRAC, Type.sint(eb + 1)))
                .truncate(eb).asUnsigned());
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
        outA = output("out_a", Type.uint(p * db));
        outValid = output("out_valid", Type.bool());
        outLast = output("out_last", Type.bool());
        outA.set(pack(out));
        outValid.set(registeredOutput ? stage("s3_valid", valid) : valid);
        outLast.set(registeredOutput ? stage("s3_last", last) : last);
        if (registeredOutput) depth++;
    }

    /** Register stages built: 3, or 2 without the registered output (the consumer's register is the third). */
    public int latency() { return depth; }
}
