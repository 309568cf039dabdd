package defernorm.accel.units;

import defernorm.golden.model.Formats;
import defernorm.golden.timing.Latencies;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * Inverse square root as a factor, bit-exact with {@code Factor.inverseSqrt(v)}: {@code 1/sqrt(v) ~ r·2^-(31+e)}
 * with {@code e = ceil(bits(v)/2) - 16}, {@code s = isqrt(v·2^-2e)} (32-bit input) and
 * {@code r = floor((2^31-1)/s)}. A chain of {@link LeadingOneNormalizer} (even), {@link IsqrtUnit} (32-bit)
 * and {@link ReciprocalUnit}: {@code NORMALIZE_SHIFT + ISQRT + RECIPROCAL} stages, fully pipelined.
 *
 * <p>Ports: {@code en}, {@code in_valid}, {@code in_data} (UInt(V), v &ge; 1) &rarr; {@code out_valid},
 * {@code out_r} (UInt(16)), {@code out_exp} (SInt(8)).
 *
 * <pre>{@code
 * RsqrtUnit u = new RsqrtUnit(43);   // RsqrtUnit_V43
 * }</pre>
 */
public final class RsqrtUnit extends PipelinedUnit {

    public RsqrtUnit(int inBits) {
        super("RsqrtUnit_V" + inBits);
        Signal en = en();
        Signal valid = input("in_valid", Type.bool());
        Signal v = input("in_data", Type.uint(inBits));

        Inst norm = instance("normalize", new LeadingOneNormalizer(inBits, Formats.SQRT_IN_BITS, true));
        norm.in("en", en).in("in_valid", valid).in("in_data", v);
        IsqrtUnit sqrtUnit = new IsqrtUnit(Formats.SQRT_IN_BITS);
        if (sqrtUnit.latency() != Latencies.ISQRT) {
            throw new IllegalStateException("IsqrtUnit(32) has " + sqrtUnit.latency() + " stages but Latencies.ISQRT is " + Latencies.ISQRT + ".");
        }
        Inst sqrt = instance("isqrt", sqrtUnit);
        sqrt.in("en", en).in("in_valid", norm.out("out_valid")).in("in_data", norm.out("out_mant"));
        Inst recip = instance("reciprocal", new ReciprocalUnit());
        recip.in("en", en).in("in_valid", sqrt.out("out_valid")).in("in_data", sqrt.out("out_data"));

        output("out_valid", Type.bool()).set(recip.out("out_valid"));
        output("out_r", Type.uint(16)).set(recip.out("out_data"));
        output("out_exp", Type.sint(LeadingOneNormalizer.EXP_BITS))
                .set(delay("exp", norm.out("out_exp"), Latencies.ISQRT + Latencies.RECIPROCAL));
    }

    /** Register stages: {@code NORMALIZE_SHIFT + ISQRT + RECIPROCAL}. */
    public int latency() { return Latencies.NORMALIZE_SHIFT + Latencies.ISQRT + Latencies.RECIPROCAL; }
}
