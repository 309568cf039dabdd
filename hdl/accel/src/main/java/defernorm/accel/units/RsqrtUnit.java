package defernorm.accel.units;

import defernorm.golden.fixed.InverseSqrtTable;
import defernorm.hdl.Inst;
import defernorm.hdl.ir.Type;

/**
 * Inverse square root as a factor, bit-exact with {@code Factor.inverseSqrt(v)}: {@code 1/sqrt(v) ~ r·2^-(31+e)}
 * with {@code e = ceil(bits(v)/2) - 16}, {@code vn = v·2^-2e} (32-bit) and {@code r = InverseSqrtTable.of(vn)}.
 * A {@link LeadingOneNormalizer} (even, 2 stages) then a {@link PiecewiseLinearUnit} (3 stages): 5 stages,
 * fully pipelined.
 *
 * <p>Ports: {@code en}, {@code in_valid}, {@code in_data} (UInt(V), v &ge; 1) &rarr; {@code out_valid},
 * {@code out_r} (UInt(16)), {@code out_exp} (SInt(8)).
 *
 * <pre>{@code
 * RsqrtUnit u = new RsqrtUnit(43);   // RsqrtUnit_V43, u.latency() == 5
 * }</pre>
 */
public final class RsqrtUnit extends PipelinedUnit {
    /** V ({@code in_valid}, {@code in_data}) and {@code 1/sqrt(V) = r · 2^-exp} ({@code out_valid, out_r, out_exp}). */
    public final Flow in;
    public final Mantissa out;
    private final int latency;

    public RsqrtUnit(int inBits) {
        super("RsqrtUnit_V" + inBits);
        in = input("in", Flow.of(Type.uint(inBits)));
        out = output("out", Mantissa.of(InverseSqrtTable.TABLE.outBits()));
        LeadingOneNormalizer normUnit = new LeadingOneNormalizer(inBits, InverseSqrtTable.IN_BITS, true);
        Inst norm = pipelined("normalize", normUnit);
        connect(norm.port(normUnit.in), in);
        PiecewiseLinearUnit tableUnit = new PiecewiseLinearUnit(InverseSqrtTable.TABLE);
        Inst table = pipelined("lookup", tableUnit);
        table.in(tableUnit.inValid, norm.out(normUnit.outValid)).in(tableUnit.inMant, norm.out(normUnit.outMant));

        out.valid().set(table.out(tableUnit.outValid));
        out.r().set(table.out(tableUnit.outR));
        out.exp().set(delay("exp", norm.out(normUnit.outExp), tableUnit.latency()));
        this.latency = normUnit.latency() + tableUnit.latency();
    }

    /** Register stages built: the normalizer's plus the table's (5). */
    public int latency() { return latency; }
}
