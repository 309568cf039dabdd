package defernorm.accel.units;

import defernorm.golden.fixed.PiecewiseLinear;
import defernorm.hdl.Inst;
import defernorm.hdl.Signal;
import defernorm.hdl.ir.Type;

/**
 * The shape both table-seeded factor units share: a {@link LeadingOneNormalizer} (2 stages) brings the input
 * to the table's mantissa width, a {@link PiecewiseLinearUnit} (3 stages) looks up {@code r}, and the
 * normalizer's exponent, plus a fixed offset, travels beside the table: {@code out = r · 2^-(31+exp)}, 5 stages,
 * fully pipelined. {@link RsqrtUnit} and {@link ReciprocalUnit} only choose the table, the normalization
 * (even exponent or not) and the offset.
 */
public abstract class NormalizedLookupUnit extends PipelinedUnit {
    /** The operand ({@code in_valid}, {@code in_data}) and the factor {@code r · 2^-exp} ({@code out_valid, out_r, out_exp}). */
    public final Flow in;
    public final Mantissa out;
    private final int latency;

    /**
     * @param even      normalize to an even exponent (for a square root)
     * @param expOffset added to the normalizer's exponent (the table's extra mantissa bits, or 0)
     */
    protected NormalizedLookupUnit(String name, int inBits, PiecewiseLinear table, int tableInBits, boolean even,
                                   int expOffset) {
        super(name);
        in = input("in", Flow.of(Type.uint(inBits)));
        out = output("out", Mantissa.of(table.outBits()));
        LeadingOneNormalizer normUnit = new LeadingOneNormalizer(inBits, tableInBits, even);
        Inst norm = pipelined("normalize", normUnit);
        connect(norm.port(normUnit.in), in);
        PiecewiseLinearUnit tableUnit = new PiecewiseLinearUnit(table);
        Inst lookup = pipelined("lookup", tableUnit);
        lookup.in(tableUnit.inValid, norm.out(normUnit.outValid)).in(tableUnit.inMant, norm.out(normUnit.outMant));
        Signal e = norm.out(normUnit.outExp);
        if (expOffset != 0) e = e.plus(expOffset).truncate(LeadingOneNormalizer.EXP_BITS);
        connect(out, new Mantissa(lookup.out(tableUnit.outValid), lookup.out(tableUnit.outR), delay("exp", e, tableUnit.latency())));
        this.latency = normUnit.latency() + tableUnit.latency();
    }

    /** Register stages built: the normalizer's plus the table's (5). */
    public final int latency() { return latency; }
}
