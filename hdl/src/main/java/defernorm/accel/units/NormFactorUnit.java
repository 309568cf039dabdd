package defernorm.accel.units;

import defernorm.golden.model.Formats;
import defernorm.golden.model.Op;
import defernorm.golden.timing.Latencies;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;


/**
 * The LayerNorm/RMSNorm nonlinear chain after the collective, bit-exact with {@code NormStatistics} and
 * {@code Factor.inverseSqrt}: from the token's S1 = &Sigma;x, S2 = &Sigma;x&sup2; and the epsilon word E to the
 * factor {@code n·r} and exponent e, in {@code Latencies.normFactor()} stages:
 * <ol>
 *   <li>{@link Latencies#VARIANCE}: register {@code n·S2}, {@code S1²} and E; then
 *       {@code V = n·S2 - S1² + E} (RMSNorm: {@code n·S2 + E});</li>
 *   <li>{@link RsqrtUnit}: {@code r, e = Factor.inverseSqrt(V)};</li>
 *   <li>{@link Latencies#FACTOR_SCALE}: {@code out_factor = n·r}.</li>
 * </ol>
 *
 * <p>Ports: {@code en}, {@code in_valid}, {@code in_s1} (SInt, LayerNorm only), {@code in_s2} (UInt),
 * {@code in_eps} (UInt(40)) &rarr; {@code out_valid}, {@code out_factor} (UInt(16 + bits(n)): n·r, for deferred),
 * {@code out_r} (UInt(16): r, for standard's normalize stage),
 * {@code out_exp} (SInt(8)).
 *
 * <pre>{@code
 * NormFactorUnit f = new NormFactorUnit(Op.LAYERNORM, 64, 14, 21);   // NormFactorUnit_LAYERNORM_n64
 * }</pre>
 */
public final class NormFactorUnit extends PipelinedUnit {
    /** Width of the epsilon word input. */
    public static final int EPS_BITS = 64 - Long.numberOfLeadingZeros(Formats.MAX_EPS - 1);

    private final int vBits;

    /**
     * @param op     LAYERNORM or RMSNORM
     * @param n      vector length
     * @param s1Bits width of the signed S1 input (ignored for RMSNorm)
     * @param s2Bits width of the unsigned S2 input
     */
    public NormFactorUnit(Op op, int n, int s1Bits, int s2Bits) {
        super("NormFactorUnit_" + op + "_n" + n + "_S" + s1Bits + "_" + s2Bits);
        if (op == Op.SOFTMAX) throw new IllegalArgumentException("NormFactorUnit is for LayerNorm and RMSNorm, not softmax.");
        if (Latencies.VARIANCE != 2 || Latencies.FACTOR_SCALE != 1) {
            throw new IllegalStateException("NormFactorUnit builds VARIANCE = 2 and FACTOR_SCALE = 1 stages; Latencies changed.");
        }
        boolean ln = op == Op.LAYERNORM;
        Signal en = en();
        Signal valid = input("in_valid", Type.bool());
        Signal s1 = ln ? input("in_s1", Type.sint(s1Bits)) : null;
        Signal s2 = input("in_s2", Type.uint(s2Bits));
        Signal eps = input("in_eps", Type.uint(EPS_BITS));
        int nBits = 32 - Integer.numberOfLeadingZeros(n);
        Signal nLit = lit(n, Type.uint(nBits));

        // V < n*S2 + E <= n * 2^s2Bits + 2^40: its width.
        this.vBits = Math.max(s2Bits + nBits, EPS_BITS) + 1;

        // ---- variance: one multiply register, one add register ------------------------------------------------
        Signal ns2 = stage("v1_ns2", s2.times(nLit));
        Signal epsQ = stage("v1_eps", eps);
        Signal s1sq = ln ? stage("v1_s1sq", s1.times(s1).truncate(2 * s1Bits - 1).asUnsigned()) : null;
        valid = stage("v1_valid", valid);
        int w = Math.max(Math.max(ns2.width(), EPS_BITS), ln ? s1sq.width() : 0);
        Signal sum = ns2.extend(w).plus(epsQ.extend(w));                                   // UInt(w+1)
        Signal v = ln ? sum.minus(s1sq.extend(w + 1)).truncate(vBits).asUnsigned() : sum.resize(vBits);
        Signal vQ = stage("v2_v", v.named("variance"));
        valid = stage("v2_valid", valid);

        // ---- 1/sqrt(V) ---------------------------------------------------------------------------------------------
        Inst rsqrt = instance("rsqrt", new RsqrtUnit(vBits));
        rsqrt.in("en", en).in("in_valid", valid).in("in_data", vQ);

        // ---- factor register: n * r --------------------------------------------------------------------------------
        Signal factor = rsqrt.out("out_r").times(nLit);
        output("out_factor", Type.uint(16 + nBits)).set(stage("f_factor", factor));
        output("out_r", Type.uint(16)).set(stage("f_r", rsqrt.out("out_r")));
        output("out_exp", Type.sint(LeadingOneNormalizer.EXP_BITS)).set(stage("f_exp", rsqrt.out("out_exp")));
        output("out_valid", Type.bool()).set(stage("f_valid", rsqrt.out("out_valid")));
    }

    /** Width of the variance word V. */
    public int varianceBits() { return vBits; }

    /** Register stages: {@code Latencies.normFactor()}. */
    public int latency() { return Latencies.normFactor(); }

}
