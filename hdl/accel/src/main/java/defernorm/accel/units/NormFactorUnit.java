package defernorm.accel.units;

import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.hdl.*;
import defernorm.hdl.ir.Type;

/**
 * The LayerNorm/RMSNorm nonlinear chain after the collective, bit-exact with {@code NormStatistics} and
 * {@code Factor.inverseSqrt}: from the token's S1 = &Sigma;x, S2 = &Sigma;x&sup2; and the epsilon word E to the
 * factor {@code n·r} and exponent e, in 8 stages:
 * <ol>
 *   <li>variance (2): register {@code n·S2}, {@code S1²} and E; then
 *       {@code V = n·S2 - S1² + E} (RMSNorm: {@code n·S2 + E});</li>
 *   <li>{@link RsqrtUnit} (5): {@code r, e = Factor.inverseSqrt(V)} (normalize 2, table read 1,
 *       multiply 1, subtract/round/clamp 1);</li>
 *   <li>factor register (1): {@code out_factor = n·r}.</li>
 * </ol>
 *
 * <pre>{@code
 * NormFactorUnit f = new NormFactorUnit(Op.LAYERNORM, 64, 14, 21);   // NormFactorUnit_LAYERNORM_n64_S14_21, 8 stages
 * }</pre>
 */
public final class NormFactorUnit extends PipelinedUnit {
    /** Width of the epsilon word input. */
    public static final int EPS_BITS = Type.bitsFor(Formats.MAX_EPS - 1);

    /** The token's S1 (SInt, LayerNorm only, else null), S2 (UInt) and the epsilon word E. */
    public final Signal inValid, inS1, inS2, inEps;
    /** The factor register: {@code n·r} (deferred), {@code r} (standard's normalize lane), the exponent, valid. */
    public final Output outFactor, outR, outExp, outValid;
    private final int latency;

    /**
     * @param op     LAYERNORM or RMSNORM
     * @param n      vector length
     * @param s1Bits width of the signed S1 input (ignored for RMSNorm)
     * @param s2Bits width of the unsigned S2 input
     */
    public NormFactorUnit(Op op, int n, int s1Bits, int s2Bits) {
        super("NormFactorUnit_" + op + "_n" + n + "_S" + s1Bits + "_" + s2Bits);
        if (op == Op.SOFTMAX) throw new IllegalArgumentException("NormFactorUnit is for LayerNorm and RMSNorm, not softmax.");
        boolean ln = op == Op.LAYERNORM;
        inValid = input("in_valid", Type.bool());
        inS1 = ln ? input("in_s1", Type.sint(s1Bits)) : null;
        inS2 = input("in_s2", Type.uint(s2Bits));
        inEps = input("in_eps", Type.uint(EPS_BITS));
        Signal valid = inValid, s1 = inS1;
        int nBits = Type.bitsFor(n);
        Signal nLit = lit(n, Type.uint(nBits));

        // V < n*S2 + E <= n * 2^s2Bits + 2^40: its width.
        int vBits = Math.max(s2Bits + nBits, EPS_BITS) + 1;

        // ---- variance: one multiply register, one add register ------------------------------------------------
        Signal ns2 = stage("v1_ns2", inS2.times(nLit));
        Signal epsQ = stage("v1_eps", inEps);
        Signal s1sq = ln ? stage("v1_s1sq", s1.times(s1).truncate(2 * s1Bits - 1).asUnsigned()) : null;
        valid = stage("v1_valid", valid);
        Signal sum = ns2.plus(epsQ);                                                       // UInt(vBits): exact
        Signal v = ln ? sum.minus(s1sq).truncate(vBits).asUnsigned() : sum;
        Signal vQ = stage("v2_v", v.named("variance"));
        valid = stage("v2_valid", valid);

        // ---- 1/sqrt(V) ---------------------------------------------------------------------------------------------
        RsqrtUnit rsqrtUnit = new RsqrtUnit(vBits);
        Inst rsqrt = pipelined("rsqrt", rsqrtUnit);
        connect(rsqrt.port(rsqrtUnit.in), new Flow(valid, vQ));
        Mantissa r = rsqrt.port(rsqrtUnit.out);

        // ---- factor register: n * r --------------------------------------------------------------------------------
        outFactor = output("out_factor", stage("f_factor", r.r().times(nLit)));
        outR = output("out_r", stage("f_r", r.r()));
        outExp = output("out_exp", stage("f_exp", r.exp()));
        outValid = output("out_valid", stage("f_valid", r.valid()));
        this.latency = 2 + rsqrtUnit.latency() + 1;   // variance, 1/sqrt, factor register
    }

    /** Register stages built: variance 2 + {@link RsqrtUnit} 5 + factor register 1 = 8. */
    public int latency() { return latency; }
}
